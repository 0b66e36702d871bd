package com.personnelevents.auth;

import com.personnelevents.cli.Cli;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar personnel-events.jar token create --name "HR Integration" --scopes events:write},
 * {@code token list}, {@code token revoke <id>}: token administration from the command line, against
 * the database the service is configured for ({@link Cli}). Standard output carries only the answer
 * (the token itself for {@code create}).
 */
public final class TokenCommand {

    static final String USAGE = """
            Usage:
              token create --name NAME --scopes SCOPE[,SCOPE...] [--expires-at DATE]
              token list
              token revoke TOKEN_ID
            Scopes: %s
            Database and other settings as for the service (e.g. --spring.datasource.url=...).
            """.formatted(Scope.validValues());

    private TokenCommand() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && "token".equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return Cli.run(
                application,
                args,
                USAGE,
                (context, commandArgs, out) -> execute(context.getBean(TokenService.class), commandArgs, out));
    }

    private static int execute(TokenService tokens, List<String> args, PrintStream out) {
        switch (args.get(0)) {
            case "create" -> {
                String name = option(args, "--name");
                String scopes = option(args, "--scopes");
                String expiresAt = option(args, "--expires-at");
                List<String> scopeList = scopes == null ? List.of() : Arrays.asList(scopes.split(","));
                out.println(tokens.create(new TokenRequest(name, scopeList, expiresAt))
                        .token());
                return 0;
            }
            case "list" -> {
                for (TokenView token : tokens.list()) {
                    out.printf(
                            "%s\t%s\t%s\t%s%n",
                            token.id(),
                            token.name(),
                            String.join(
                                    ",",
                                    token.scopes().stream().map(Scope::value).toList()),
                            token.revokedAt() != null ? "revoked" : "active");
                }
                return 0;
            }
            case "revoke" -> {
                if (args.size() < 2) {
                    System.err.print(USAGE);
                    return 2;
                }
                tokens.revoke(UUID.fromString(args.get(1)));
                out.println("revoked " + args.get(1));
                return 0;
            }
            default -> {
                System.err.print(USAGE);
                return 2;
            }
        }
    }

    private static String option(List<String> args, String name) {
        return Cli.option(args, name);
    }
}
