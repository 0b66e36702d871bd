package com.personnelevents.access;

import com.personnelevents.web.RefreshedSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Access requests waiting for the provisioning team, per application (every active application, 0 when it
 * has none) and in all. Read at most once per {@code personnel-events.metrics.refresh}; an application added
 * later gets its series at the next refresh.
 */
@Component
class AccessMetrics implements MeterBinder {

    private final RefreshedSnapshot<Map<String, Long>> open;
    private MultiGauge perApplication;

    AccessMetrics(
            AccessRequestRepository requests,
            Clock clock,
            @Value("${personnel-events.metrics.refresh:15s}") Duration refresh) {
        this.open = new RefreshedSnapshot<>(
                () -> {
                    Map<String, Long> counts = requests.openByApplication();
                    if (perApplication != null) {
                        perApplication.register(
                                counts.entrySet().stream()
                                        .map(e -> MultiGauge.Row.of(Tags.of("application", e.getKey()), e.getValue()))
                                        .toList(),
                                true);
                    }
                    return counts;
                },
                refresh,
                clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        perApplication = MultiGauge.builder("personnel.events.access.requests.open")
                .description("Access requests open for provisioning, per application")
                .register(registry);
        Gauge.builder(
                        "personnel.events.access.requests.open.in.all",
                        open,
                        snapshot -> snapshot.get().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("Access requests open for provisioning, in all applications")
                .register(registry);
        open.get();
    }
}
