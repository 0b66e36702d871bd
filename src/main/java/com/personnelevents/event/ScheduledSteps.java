package com.personnelevents.event;

import com.personnelevents.web.RedactedFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves events whose date has come: opens approval windows, starts stages on their dates, wakes
 * snoozed events. Each event is taken under a row lock that other instances skip, one transaction per
 * event, so with any number of instances each due step happens once; after downtime the next run
 * catches up on everything due by then.
 */
@Component
public class ScheduledSteps {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSteps.class);

    private final EventWorkflowService workflow;
    private final Clock clock;
    private volatile Instant lastSuccess;

    ScheduledSteps(EventWorkflowService workflow, Clock clock) {
        this.workflow = workflow;
        this.clock = clock;
    }

    /** When a run last took every step due without one failing (NaN before that), for the metrics. */
    double lastSuccessEpochSeconds() {
        Instant at = lastSuccess;
        return at == null ? Double.NaN : at.getEpochSecond();
    }

    /** Runs every step due at {@code now}; returns how many events it took. */
    public int runDue(Instant now) {
        Set<UUID> failed = new HashSet<>();
        int taken = 0;
        while (true) {
            Optional<UUID> advanced;
            try {
                advanced = workflow.advanceNextDue(now, failed);
            } catch (EventWorkflowService.StepFailed e) {
                log.error(
                        "Scheduled step of personnel event {} failed; it stays due",
                        e.eventId,
                        RedactedFailure.of(e.getCause()));
                failed.add(e.eventId);
                continue;
            }
            if (advanced.isEmpty()) {
                if (failed.isEmpty()) {
                    lastSuccess = clock.instant();
                }
                return taken;
            }
            taken++;
        }
    }

    /** The clock-driven trigger; off where another process drives the steps (tests, batch tools). */
    @Component
    @ConditionalOnProperty(name = "personnel-events.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    static class Trigger {

        private final ScheduledSteps steps;
        private final Clock clock;

        Trigger(ScheduledSteps steps, Clock clock) {
            this.steps = steps;
            this.clock = clock;
        }

        @Scheduled(
                fixedDelayString = "${personnel-events.scheduler.interval:60s}",
                initialDelayString = "${personnel-events.scheduler.initial-delay:10s}")
        void run() {
            int taken = steps.runDue(clock.instant());
            if (taken > 0) {
                log.info("Advanced {} personnel events whose date had come", taken);
            }
        }
    }
}
