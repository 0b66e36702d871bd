package com.personnelevents.cli;

import com.personnelevents.db.DatabaseCheck;
import com.personnelevents.db.DatabaseProblem;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.failure.UnprocessableException;
import com.personnelevents.validation.ValidationException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The frame of the jar's commands ({@code token ...}, {@code audit ...}): the application without its web
 * server, with the service's own configuration (the same database wherever it is started from). Standard
 * output carries only the answer, so that scripts can capture it; the database used, logs and errors go to
 * standard error. A command works on an existing database only, unless {@code --create-database} says
 * otherwise, so that a mistyped location cannot quietly create an empty one. Nothing it prints is a stack
 * trace; an unknown command or option is refused with the usage.
 */
public final class Cli {

    /** Exit codes: done, refused (the reason on standard error), usage. */
    public static final int DONE = 0;

    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    static final String CREATE_DATABASE = "--create-database";

    /** Arguments passed on to Spring as configuration rather than read by the command. */
    private static final List<String> SETTINGS = List.of("--spring.", "--personnel-events.", "--logging.");

    /** A subcommand's work, given the running application and what its command line said. */
    public interface Execution {
        int execute(ConfigurableApplicationContext context, Arguments arguments, PrintStream out);
    }

    /**
     * One subcommand: its name, the options it takes (each with a value), its flags (options without a
     * value), and how many plain values.
     */
    public record Subcommand(String name, Set<String> options, Set<String> flags, int values, Execution execution) {

        public Subcommand(String name, Set<String> options, int values, Execution execution) {
            this(name, options, Set.of(), values, execution);
        }
    }

    /** A command ({@code token}): its usage and its subcommands. */
    public record Command(String name, String usage, List<Subcommand> subcommands) {

        Subcommand subcommand(String name) {
            return subcommands.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The options, flags and plain values a subcommand was given. */
    public record Arguments(Map<String, String> options, Set<String> flags, List<String> values) {

        public String option(String name) {
            return options.get(name);
        }

        public boolean flag(String name) {
            return flags.contains(name);
        }
    }

    private Cli() {}

    /**
     * Whether {@code args} ask for a command: a word that is not an option, wherever it stands (settings may
     * come first). Options alone start the service, which takes no words.
     */
    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-"));
    }

    /** Runs the command {@code args} names, and returns its exit code. */
    public static int run(Class<?> application, String[] args, List<Command> commands) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            List<String> rest = new ArrayList<>(List.of(args));
            String name = rest.stream()
                    .filter(arg -> !arg.startsWith("-"))
                    .findFirst()
                    .orElseThrow();
            rest.remove(name);
            Command command = commands.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (command == null) {
                System.err.println("Unknown command '" + name + "'.");
                System.err.print(overview(commands));
                return USAGE;
            }
            CommandLine line = CommandLine.parse(command, rest);
            if (line.error() != null) {
                if (!line.error().isEmpty()) {
                    System.err.println(line.error());
                }
                System.err.print(command.usage());
                return USAGE;
            }
            return execute(application, line, out);
        } finally {
            System.setOut(out);
        }
    }

    private static int execute(Class<?> application, CommandLine line, PrintStream out) {
        ConfigurableApplicationContext context;
        try {
            context = start(application, line);
        } catch (RuntimeException e) {
            System.err.println(startFailure(e, line.createDatabase()));
            return REFUSED;
        }
        try (context) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            System.err.println("Database: " + DatabaseCheck.describe(url));
            return line.subcommand().execution().execute(context, line.arguments(), out);
        } catch (ValidationException e) {
            e.violations().forEach(v -> System.err.println(v.field() + ": " + v.message()));
            return REFUSED;
        } catch (NotFoundException | ConflictException | ForbiddenException | UnprocessableException e) {
            System.err.println(e.getMessage());
            return REFUSED;
        } catch (RuntimeException e) {
            System.err.println("The command failed: " + rootCause(e));
            return REFUSED;
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, CommandLine line) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .listeners(commandSettings(line.createDatabase()))
                .properties(
                        "logging.level.root=WARN",
                        // the command says what went wrong in one line of its own
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR",
                        // Flyway's note that H2 is newer than it was verified with: the service logs it
                        "logging.level.org.flywaydb.core.internal.database.base.Database=ERROR",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF",
                        // a command does its one job: no scheduled steps taken on the side
                        "personnel-events.scheduler.enabled=false")
                .run(line.settings().toArray(String[]::new));
    }

    /**
     * What a command's context must have whatever the configuration says: no scheduled steps taken on the
     * side (a command does its one job), and, unless told to create one, a database that exists and holds
     * the service's schema. H2 would create a file database at the first connection, so its URL gets
     * {@code IFEXISTS=TRUE}.
     */
    private static ApplicationListener<ApplicationEnvironmentPreparedEvent> commandSettings(boolean create) {
        return event -> {
            ConfigurableEnvironment environment = event.getEnvironment();
            Map<String, Object> overrides = new LinkedHashMap<>();
            overrides.put("personnel-events.scheduler.enabled", "false");
            // a command reads tokens and accounts once; what it changes it still announces to the running instances
            overrides.put("personnel-events.caches.enabled", "false");
            if (!create) {
                overrides.put(DatabaseCheck.REQUIRE_SCHEMA, "true");
                String url = environment.getProperty("spring.datasource.url", "");
                if (url.startsWith("jdbc:h2:file:")
                        && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
                    overrides.put("spring.datasource.url", url + ";IFEXISTS=TRUE");
                }
            }
            environment.getPropertySources().addFirst(new MapPropertySource("command", overrides));
        };
    }

    private static String startFailure(RuntimeException failure, boolean createDatabase) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseProblem problem) {
                String hint = !createDatabase
                                && (problem.kind() == DatabaseProblem.Kind.NO_SUCH_DATABASE
                                        || problem.kind() == DatabaseProblem.Kind.NOT_CREATED)
                        ? " Start the service once to create it, or add " + CREATE_DATABASE + " to create it now."
                        : " " + problem.action() + ".";
                return problem.getMessage() + "." + hint;
            }
        }
        return "The command could not start: " + rootCause(failure);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? ""
                : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String overview(List<Command> commands) {
        return "Commands: " + commands.stream().map(Command::name).collect(Collectors.joining(", "))
                + " (run one without arguments for its usage). Without a command the jar starts the service.\n";
    }

    /** A command line, read: its subcommand, options, values and settings, or why it could not be read. */
    private record CommandLine(
            Subcommand subcommand, Arguments arguments, List<String> settings, boolean createDatabase, String error) {

        static CommandLine parse(Command command, List<String> args) {
            List<String> settings = new ArrayList<>();
            List<String> words = new ArrayList<>();
            boolean create = false;
            for (String arg : args) {
                if (SETTINGS.stream().anyMatch(arg::startsWith)) {
                    settings.add(arg);
                } else if (CREATE_DATABASE.equals(arg)) {
                    create = true;
                } else {
                    words.add(arg);
                }
            }
            if (words.isEmpty()) {
                return refused("");
            }
            Subcommand subcommand = command.subcommand(words.get(0));
            if (subcommand == null) {
                return refused("Unknown subcommand '" + words.get(0) + "'.");
            }
            Map<String, String> options = new LinkedHashMap<>();
            Set<String> flags = new java.util.HashSet<>();
            List<String> values = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                if (!word.startsWith("--")) {
                    values.add(word);
                    continue;
                }
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (subcommand.flags().contains(name) && !word.contains("=")) {
                    if (!flags.add(name)) {
                        return refused("Option '" + name + "' is given twice.");
                    }
                    continue;
                }
                if (!subcommand.options().contains(name)) {
                    return refused(
                            "Unknown option '" + name + "' for '" + command.name() + " " + subcommand.name() + "'.");
                }
                if (options.containsKey(name)) {
                    return refused("Option '" + name + "' is given twice.");
                }
                if (word.contains("=")) {
                    options.put(name, word.substring(word.indexOf('=') + 1));
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    options.put(name, words.get(++i));
                } else {
                    return refused("Option '" + name + "' needs a value.");
                }
            }
            if (values.size() != subcommand.values()) {
                return refused("'" + command.name() + " " + subcommand.name() + "' takes " + subcommand.values()
                        + (subcommand.values() == 1 ? " value" : " values") + ", not " + values.size() + ".");
            }
            return new CommandLine(subcommand, new Arguments(options, flags, values), settings, create, null);
        }

        private static CommandLine refused(String why) {
            return new CommandLine(null, null, List.of(), false, why);
        }
    }
}
