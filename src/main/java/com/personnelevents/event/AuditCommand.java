package com.personnelevents.event;

import com.personnelevents.cli.Cli;
import com.personnelevents.validation.Violations;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar personnel-events.jar audit verify [--event-id ID]}: checks the audit trail's hash chain
 * against the database the service is configured for. Prints what it checked and every problem found;
 * exits 0 when the trail is intact and 3 when it is not, so a scheduled job can alert on it.
 */
public final class AuditCommand {

    static final int NOT_INTACT = 3;

    static final String USAGE = """
            Usage:
              audit verify [--event-id EVENT_ID]
            Database and other settings as for the service (e.g. --spring.datasource.url=...).
            """;

    private AuditCommand() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && "audit".equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return Cli.run(application, args, USAGE, (context, commandArgs, out) -> {
            if (!"verify".equals(commandArgs.get(0))) {
                System.err.print(USAGE);
                return 2;
            }
            String eventId = Cli.option(commandArgs, "--event-id");
            Violations violations = new Violations();
            UUID event = eventId == null ? null : violations.guid("--event-id", eventId, "Personnel event id");
            violations.throwIfAny();
            AuditTrailVerification result =
                    context.getBean(AuditTrailService.class).verify(event);
            print(result, out);
            return result.intact() ? 0 : NOT_INTACT;
        });
    }

    private static void print(AuditTrailVerification result, PrintStream out) {
        out.printf(
                "%s: %d events, %d activity entries, %d comments checked, %d problems%n",
                result.intact() ? "intact" : "NOT INTACT",
                result.events(),
                result.activityEntries(),
                result.comments(),
                result.problemCount());
        List<AuditTrailVerification.Problem> problems = result.problems();
        for (AuditTrailVerification.Problem problem : problems) {
            out.printf(
                    "%s\t%s\t%s\t%s%n",
                    problem.eventId() == null ? "-" : problem.eventId(),
                    problem.trail() == null ? "-" : problem.trail(),
                    problem.entryId() == null ? "-" : problem.entryId(),
                    problem.problem());
        }
    }
}
