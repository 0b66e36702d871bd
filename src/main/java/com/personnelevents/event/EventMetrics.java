package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.web.RefreshedSnapshot;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on, at {@code /actuator/prometheus}: events by type and status, events past
 * their date and not done, and whether the scheduler keeps up. Read from the database at most once per
 * {@code personnel-events.metrics.refresh}, whatever the scrape interval.
 */
@Component
class EventMetrics implements MeterBinder {

    private final RefreshedSnapshot<Figures> figures;
    private final ScheduledSteps scheduler;

    EventMetrics(
            EventMetricsRepository repository,
            SettingsService settings,
            ScheduledSteps scheduler,
            Clock clock,
            @Value("${personnel-events.metrics.refresh:15s}") Duration refresh) {
        this.scheduler = scheduler;
        this.figures = new RefreshedSnapshot<>(
                () -> {
                    Settings current = settings.current();
                    Instant now = clock.instant();
                    LocalDate today = current.today(clock);
                    // A step is due from the start of its day in the organisation's time zone.
                    double lag = repository
                            .oldestDueStep(today)
                            .map(day -> Math.max(
                                    0,
                                    Duration.between(
                                                    day.atStartOfDay(current.timeZone())
                                                            .toInstant(),
                                                    now)
                                            .toSeconds()))
                            .orElse(0L);
                    return new Figures(repository.countsByTypeAndStatus(), repository.overdueByType(today), lag);
                },
                refresh);
    }

    private record Figures(Map<String, Long> counts, Map<String, Long> overdue, double schedulerLagSeconds) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            for (EventStatus status : EventStatus.values()) {
                String key = type.name() + " " + status.name();
                Gauge.builder("personnel.events", figures, f -> f.get().counts().getOrDefault(key, 0L))
                        .description("Personnel events by type and status")
                        .tag("type", type.name())
                        .tag("status", status.name())
                        .register(registry);
            }
            Gauge.builder(
                            "personnel.events.overdue",
                            figures,
                            f -> f.get().overdue().getOrDefault(type.name(), 0L))
                    .description("Events past their effective date still awaiting approval or access changes")
                    .tag("type", type.name())
                    .register(registry);
        }
        Gauge.builder("personnel.events.scheduler.lag", figures, f -> f.get().schedulerLagSeconds())
                .description("How long the oldest due scheduled step has been waiting (0 when none is due)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("personnel.events.scheduler.last.success", scheduler, ScheduledSteps::lastSuccessEpochSeconds)
                .description("When this instance's scheduler last ran every due step without a failure "
                        + "(seconds since the epoch; NaN before its first run)")
                .baseUnit("seconds")
                .register(registry);
    }
}
