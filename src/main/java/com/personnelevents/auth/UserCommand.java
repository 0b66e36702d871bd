package com.personnelevents.auth;

import com.personnelevents.cli.Cli;
import com.personnelevents.validation.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar personnel-events.jar user create --email … --groups "Security Team" --password-stdin},
 * {@code user list}, {@code user disable --email …}, {@code user set-password --email … --password-stdin},
 * {@code user set-groups --email … --groups …}: local accounts from the command line. A password is read
 * from standard input only (never an argument, which the shell's history and the process list would show).
 */
public final class UserCommand {

    static final String USAGE = """
            Usage:
              user create --email EMAIL [--groups GROUP[,GROUP...]] --password-stdin
              user list
              user disable --email EMAIL
              user set-password --email EMAIL --password-stdin
              user set-groups --email EMAIL --groups GROUP[,GROUP...]
            The email is that of an existing identity. Groups give roles (GET /api/roles): by default
            "Administrator", "Security Team", "Personnel Manager", "Provision Team", "Reporting Only".
            The password (at least %d characters) is read from standard input.
            Database and other settings as for the service (e.g. --spring.datasource.url=...).
            """.formatted(AccountService.PASSWORD_MIN);

    private static final String PASSWORD_STDIN = "--password-stdin";

    public static final Cli.Command COMMAND = new Cli.Command(
            "user",
            USAGE,
            List.of(
                    new Cli.Subcommand(
                            "create", Set.of("--email", "--groups"), Set.of(PASSWORD_STDIN), 0, UserCommand::create),
                    new Cli.Subcommand("list", Set.of(), 0, UserCommand::list),
                    new Cli.Subcommand("disable", Set.of("--email"), 0, UserCommand::disable),
                    new Cli.Subcommand(
                            "set-password", Set.of("--email"), Set.of(PASSWORD_STDIN), 0, UserCommand::setPassword),
                    new Cli.Subcommand("set-groups", Set.of("--email", "--groups"), 0, UserCommand::setGroups)));

    private UserCommand() {}

    private static int create(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        String password = password(args);
        AccountService.AccountView created = accounts(context)
                .createLocal(args.option("--email"), groups(args), password, TokenService.COMMAND_LINE);
        out.println("created " + created.login() + " for " + created.name() + " (" + created.identityId() + "), groups "
                + created.groups());
        return Cli.DONE;
    }

    private static int list(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        for (AccountService.AccountView account : accounts(context).list()) {
            out.printf(
                    "%s\t%s\t%s\t%s\t%s%s%n",
                    account.provider(),
                    account.login(),
                    account.name(),
                    String.join(",", account.groups()),
                    account.enabled() ? "enabled" : "disabled",
                    account.identityActive() ? "" : " (identity not active)");
        }
        return Cli.DONE;
    }

    private static int disable(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        accounts(context).disable(args.option("--email"), TokenService.COMMAND_LINE);
        out.println("disabled " + args.option("--email"));
        return Cli.DONE;
    }

    private static int setPassword(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        String password = password(args);
        accounts(context).setPassword(args.option("--email"), password, TokenService.COMMAND_LINE);
        out.println("password set for " + args.option("--email"));
        return Cli.DONE;
    }

    private static int setGroups(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        AccountService.AccountView changed =
                accounts(context).setGroups(args.option("--email"), groups(args), TokenService.COMMAND_LINE);
        out.println("groups of " + changed.login() + ": " + changed.groups());
        return Cli.DONE;
    }

    private static List<String> groups(Cli.Arguments args) {
        String groups = args.option("--groups");
        return groups == null ? List.of() : Arrays.asList(groups.split(","));
    }

    /** The first line of standard input. */
    private static String password(Cli.Arguments args) {
        if (!args.flag(PASSWORD_STDIN)) {
            throw ValidationException.of(
                    PASSWORD_STDIN,
                    "Give the password on standard input, with " + PASSWORD_STDIN + " (never as an argument)");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw ValidationException.of(PASSWORD_STDIN, "The password could not be read from standard input");
        }
    }

    private static AccountService accounts(ConfigurableApplicationContext context) {
        return context.getBean(AccountService.class);
    }
}
