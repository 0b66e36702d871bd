package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real application in a JVM of its own, as production runs it (main class, no test configuration,
 * scheduler off), so a test can kill it with SIGKILL. Its output goes to {@code target/<name>.log}.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the application on a free port against the database and waits until it is ready; a null
     * {@code username} sets none (the driver's default).
     */
    public static ApplicationProcess start(String name, String datasourceUrl, String username) throws Exception {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start matters more here than peak speed
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-cp",
                applicationClassPath(),
                "com.personnelevents.Application",
                "--server.port=" + port,
                "--spring.datasource.url=" + datasourceUrl,
                "--personnel-events.scheduler.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (username != null) {
            command.add("--spring.datasource.username=" + username);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        ApplicationProcess started = new ApplicationProcess(builder.start(), port, log);
        started.awaitReady();
        return started;
    }

    /**
     * {@code java -jar personnel-events.jar <args>} as an operator runs it: a JVM of its own, started in
     * {@code workingDirectory}, with {@code home} as the user's home (where the default database lives).
     */
    public static CommandRun command(Path workingDirectory, Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Duser.home=" + home,
                "-cp",
                applicationClassPath(),
                "com.personnelevents.Application"));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("command", ".out");
        Path err = Files.createTempFile("command", ".err");
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS))
                .as("the command ends")
                .isTrue();
        CommandRun run = new CommandRun(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /**
     * The test run's class path without the test classes: their test-only configuration (a clock, a
     * migration strategy that cleans the schema) must not be picked up by the application's scan.
     */
    private static String applicationClassPath() {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).as("application classes on the class path").contains("classes");
        return classPath;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive())
                    .as("the application process exited during startup:%n%s", logTail())
                    .isTrue();
            try {
                HttpResponse<Void> readiness = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the application was not ready within " + STARTUP + ":\n" + logTail());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, transactions in flight die with the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
