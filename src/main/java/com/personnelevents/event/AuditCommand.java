package com.personnelevents.event;

import com.personnelevents.cli.Cli;
import com.personnelevents.validation.Violations;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

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

    public static final Cli.Command COMMAND = new Cli.Command(
            "audit", USAGE, List.of(new Cli.Subcommand("verify", Set.of("--event-id"), 0, AuditCommand::verify)));

    private AuditCommand() {}

    private static int verify(ConfigurableApplicationContext context, Cli.Arguments args, PrintStream out) {
        String eventId = args.option("--event-id");
        Violations violations = new Violations();
        UUID event = eventId == null ? null : violations.guid("--event-id", eventId, "Personnel event id");
        violations.throwIfAny();
        AuditTrailVerification result = context.getBean(AuditTrailService.class).verify(event);
        print(result, out);
        return result.intact() ? Cli.DONE : NOT_INTACT;
    }

    private static void print(AuditTrailVerification result, PrintStream out) {
        out.printf(
                "%s: %d events, %d activity entries, %d comments checked, %d problems%n",
                result.intact() ? "intact" : "NOT INTACT",
                result.events(),
                result.activityEntries(),
                result.comments(),
                result.problemCount());
        for (AuditTrailVerification.Problem problem : result.problems()) {
            out.printf(
                    "%s\t%s\t%s\t%s%n",
                    problem.eventId() == null ? "-" : problem.eventId(),
                    problem.trail() == null ? "-" : problem.trail(),
                    problem.entryId() == null ? "-" : problem.entryId(),
                    problem.problem());
        }
    }
}
