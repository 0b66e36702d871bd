package com.personnelevents.access;

import com.personnelevents.web.RefreshedSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Access requests waiting for the provisioning team, per application (every active application, 0 when it
 * has none) and in all, read at most once per {@code personnel-events.metrics.refresh}. An application's
 * series is registered when this instance creates or renames it, and by a look for applications other
 * instances added (every {@code personnel-events.metrics.applications-discovery}); never while a scrape
 * runs, and never replaced, since a meter replaced during a scrape shows twice in it.
 */
@Component
class AccessMetrics implements MeterBinder {

    private static final String OPEN = "personnel.events.access.requests.open";

    private final AccessRequestRepository requests;
    private final RefreshedSnapshot<Map<String, Long>> open;
    private volatile MeterRegistry registry;

    AccessMetrics(
            AccessRequestRepository requests, @Value("${personnel-events.metrics.refresh:15s}") Duration refresh) {
        this.requests = requests;
        this.open = new RefreshedSnapshot<>(requests::openByApplication, refresh);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(
                        "personnel.events.access.requests.open.in.all",
                        open,
                        snapshot -> snapshot.get().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("Access requests open for provisioning, in all applications")
                .register(registry);
        discoverApplications();
    }

    @Scheduled(
            fixedDelayString = "${personnel-events.metrics.applications-discovery:1m}",
            initialDelayString = "${personnel-events.metrics.applications-discovery:1m}")
    void discoverApplications() {
        requests.openByApplication().keySet().forEach(this::track);
    }

    /** Gives the application its series, unless it has one (registering it again returns the one there is). */
    void track(String application) {
        MeterRegistry target = registry;
        if (target != null) {
            Gauge.builder(OPEN, open, snapshot -> snapshot.get().getOrDefault(application, 0L))
                    .description("Access requests open for provisioning, per application")
                    .tag("application", application)
                    .register(target);
        }
    }
}
