package com.personnelevents.auth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar personnel-events.jar token create --name "HR Integration" --scopes events:write},
 * {@code token list}, {@code token revoke <id>}: token administration from the command line, against
 * the database the service is configured for. Standard output carries only the answer (the token
 * itself for {@code create}), so that scripts can capture it; logs go to standard error.
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
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return run(application, args, out);
        } finally {
            System.setOut(out);
        }
    }

    private static int run(Class<?> application, String[] args, PrintStream out) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            (arg.startsWith("--spring.") || arg.startsWith("--personnel-events.") ? springArgs : commandArgs).add(arg);
        }
        if (commandArgs.isEmpty()) {
            System.err.print(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.main.log-startup-info=false", "logging.level.root=WARN")
                .run(springArgs.toArray(String[]::new))) {
            return execute(context.getBean(TokenService.class), commandArgs, out);
        } catch (com.personnelevents.validation.ValidationException e) {
            e.violations().forEach(v -> System.err.println(v.field() + ": " + v.message()));
            return 1;
        } catch (com.personnelevents.web.ApiException e) {
            System.err.println(e.getMessage());
            return 1;
        }
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
