package com.personnelevents.auth;

import com.personnelevents.cli.Cli;
import com.personnelevents.validation.Violations;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar personnel-events.jar token create --name "HR Integration" --scopes events:write},
 * {@code token list}, {@code token revoke <id>}: token administration from the command line, against the
 * database the service is configured for ({@link Cli}). Standard output carries only the answer (the token
 * itself for {@code create}).
 */
public final class TokenCommand {

    static final String USAGE = """
            Usage:
              token create --name NAME --scopes SCOPE[,SCOPE...] [--expires-at DATE]
                           [--user EMAIL | --stands-in-for ROLE[,ROLE...]]
              token list
              token revoke TOKEN_ID
            Scopes: %s
            --user makes a personal token: it acts as that person (their roles, duties and name in the
            audit trail), narrowed to its scopes. --stands-in-for names the roles an integration token's
            responses count for once approval rules name roles.
            Database and other settings as for the service (e.g. --spring.datasource.url=...);
            add --create-database to work on a database that does not exist yet.
            """.formatted(Scope.validValues());

    public static final Cli.Command COMMAND = new Cli.Command(
            "token",
            USAGE,
            List.of(
                    new Cli.Subcommand(
                            "create",
                            Set.of("--name", "--scopes", "--expires-at", "--user", "--stands-in-for"),
                            0,
                            TokenCommand::create),
                    new Cli.Subcommand("list", Set.of(), 0, TokenCommand::list),
                    new Cli.Subcommand("revoke", Set.of(), 1, TokenCommand::revoke)));

    private TokenCommand() {}

    private static int create(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        String scopes = args.option("--scopes");
        List<String> scopeList = scopes == null ? List.of() : Arrays.asList(scopes.split(","));
        String standsInFor = args.option("--stands-in-for");
        TokenRequest request = new TokenRequest(
                args.option("--name"),
                scopeList,
                args.option("--expires-at"),
                standsInFor == null ? null : Arrays.asList(standsInFor.split(",")));
        String user = args.option("--user");
        TokenView created =
                user == null ? tokens(context).create(request) : tokens(context).createPersonal(user, request);
        out.println(created.token());
        return Cli.DONE;
    }

    private static int list(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        for (TokenView token : tokens(context).list()) {
            out.printf(
                    "%s\t%s\t%s\t%s\t%s%n",
                    token.id(),
                    token.name(),
                    String.join(",", token.scopes().stream().map(Scope::value).toList()),
                    token.revokedAt() != null ? "revoked" : "active",
                    token.identityId() != null
                            ? "personal " + token.identityId()
                            : "integration" + (token.standsInFor().isEmpty() ? "" : " " + token.standsInFor()));
        }
        return Cli.DONE;
    }

    private static int revoke(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        Violations violations = new Violations();
        UUID id = violations.guid("TOKEN_ID", args.values().get(0), "Token id");
        violations.throwIfAny();
        tokens(context).revoke(id);
        out.println("revoked " + id);
        return Cli.DONE;
    }

    private static TokenService tokens(ConfigurableApplicationContext context) {
        return context.getBean(TokenService.class);
    }
}
