package com.personnelevents.cli;

import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.ApiException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The frame of the jar's commands ({@code token ...}, {@code audit ...}): the application without its web
 * server, against the database the service is configured for. Standard output carries only the answer,
 * so that scripts can capture it; logs and errors go to standard error.
 */
public final class Cli {

    /** A command's work, given the running application and the arguments after the command's name. */
    public interface Execution {
        int execute(ConfigurableApplicationContext context, List<String> args, PrintStream out);
    }

    private Cli() {}

    /** Exit code: 0 done, 1 refused (the reason on standard error), 2 usage, or what the command says. */
    public static int run(Class<?> application, String[] args, String usage, Execution execution) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            List<String> springArgs = new ArrayList<>();
            List<String> commandArgs = new ArrayList<>();
            for (String arg : Arrays.asList(args).subList(1, args.length)) {
                (arg.startsWith("--spring.") || arg.startsWith("--personnel-events.") ? springArgs : commandArgs)
                        .add(arg);
            }
            if (commandArgs.isEmpty()) {
                System.err.print(usage);
                return 2;
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(
                            "spring.main.log-startup-info=false",
                            "logging.level.root=WARN",
                            // a command does its one job: no scheduled steps taken on the side
                            "personnel-events.scheduler.enabled=false")
                    .run(springArgs.toArray(String[]::new))) {
                return execution.execute(context, commandArgs, out);
            } catch (ValidationException e) {
                e.violations().forEach(v -> System.err.println(v.field() + ": " + v.message()));
                return 1;
            } catch (ApiException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        } finally {
            System.setOut(out);
        }
    }

    /** {@code --name value} or {@code --name=value}; null when absent. */
    public static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at >= 0 && at + 1 < args.size()) {
            return args.get(at + 1);
        }
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return null;
    }
}
