package com.personnelevents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time the three parties of a scenario spent on this machine, from {@code /proc} (Linux): the
 * service, the database server (every process named {@code postgres} on the machine) and this driver. The throughput
 * ratio says how the API compares with the floor; this says whose CPU the difference is, since the three
 * share the same cores.
 */
final class ProcessCpu {

    /** Clock ticks of user and system time, each party's processes summed. */
    record Snapshot(long service, long database, long driver) {}

    /** Milliseconds of CPU per request, each party's. */
    record PerRequest(double service, double database, double driver) {}

    private static final Path PROC = Path.of("/proc");

    private final long servicePid;
    private final long ticksPerSecond;

    ProcessCpu(long servicePid, long ticksPerSecond) {
        this.servicePid = servicePid;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** From {@code bench.servicepid} and {@code bench.clockticks} (Linux's USER_HZ, 100 unless told). */
    static ProcessCpu fromSystemProperties() {
        String pid = System.getProperty("bench.servicepid", "");
        return new ProcessCpu(
                pid.isBlank() ? -1 : Long.parseLong(pid),
                Long.parseLong(System.getProperty("bench.clockticks", "100")));
    }

    /** Empty where {@code /proc} cannot say (not Linux, or the service's process unknown). */
    Optional<Snapshot> snapshot() {
        if (servicePid < 0 || !Files.isDirectory(PROC)) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(PROC)) {
            long database = processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .mapToLong(p -> ticks(read(p.resolve("stat"))))
                    .sum();
            return Optional.of(new Snapshot(
                    ticks(read(PROC.resolve(Long.toString(servicePid)).resolve("stat"))),
                    database,
                    ticks(read(
                            PROC.resolve(Long.toString(ProcessHandle.current().pid()))
                                    .resolve("stat")))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Clock ticks of user and system time each of the service's JIT compiler threads ({@code C1 CompilerThre…},
     * {@code C2 CompilerThre…}) has used so far, by thread id; empty where {@code /proc} cannot say or names no
     * such thread. The JVM may start and stop compiler threads beyond the first of each kind as the load
     * changes: compare two readings with {@link #compilerTicksBetween}.
     */
    Optional<Map<String, Long>> compilerTicks() {
        Path tasks = PROC.resolve(Long.toString(servicePid)).resolve("task");
        if (servicePid < 0 || !Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            Map<String, Long> compilers = threads.filter(t -> isCompiler(read(t.resolve("comm"))))
                    .collect(Collectors.toMap(t -> t.getFileName().toString(), t -> ownTicks(read(t.resolve("stat")))));
            return compilers.isEmpty() ? Optional.empty() : Optional.of(compilers);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean isCompiler(String comm) {
        return comm.strip().matches("C[12] CompilerThre.*");
    }

    /** The ticks the threads of both readings used between them; a thread in only one of them is left out. */
    static long compilerTicksBetween(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, e.getValue() - before.get(e.getKey())))
                .sum();
    }

    /** User and system time of one thread's {@code stat} line (the 14th and 15th fields). */
    static long ownTicks(String stat) {
        String[] fields = fields(stat);
        return fields.length == 0 ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    PerRequest perRequest(Snapshot before, Snapshot after, long requests) {
        double ms = 1000.0 / ticksPerSecond / Math.max(1, requests);
        return new PerRequest(
                (after.service() - before.service()) * ms,
                (after.database() - before.database()) * ms,
                (after.driver() - before.driver()) * ms);
    }

    /**
     * User and system time of one {@code /proc/<pid>/stat} line, the process's own and that of its children
     * that ended (the 14th to 17th fields, counted after the command name's closing parenthesis: the name may
     * hold spaces and parentheses); 0 for a process that ended meanwhile. With its children's: PostgreSQL's
     * server process collects every backend and worker that exits, so the database's total neither loses a
     * connection the pool retires during a scenario nor a parallel worker that lived within it.
     */
    static long ticks(String stat) {
        String[] fields = fields(stat);
        if (fields.length == 0) {
            return 0;
        }
        return Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    /**
     * The fields of a {@code stat} line after the command name's closing parenthesis (the name may hold spaces
     * and parentheses): {@code [0]} is the 3rd field (state), so utime is {@code [11]}, stime {@code [12]},
     * cutime and cstime follow. Empty for an empty line (a process or thread that ended meanwhile).
     */
    private static String[] fields(String stat) {
        int end = stat.lastIndexOf(')');
        return end < 0 ? new String[0] : stat.substring(end + 2).split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the process ended between the listing and the read
        }
    }
}
