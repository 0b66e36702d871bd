package com.personnelevents.event;

import com.personnelevents.auth.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's HTTP floor, only when {@code personnel-events.benchmark.http-floor=true} (never in
 * production): the same server, filters, security and caller resolution as the list, to a handler that
 * answers the bytes of the list's first page, serialized once. What the list costs above it is its SQL and
 * its serialisation.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "personnel-events.benchmark.http-floor", havingValue = "true")
class BenchmarkFloor {

    private final PersonnelEventService events;
    private final JsonMapper json;
    private volatile byte[] firstPage;

    BenchmarkFloor(PersonnelEventService events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @GetMapping("/api/benchmark/floor")
    ResponseEntity<byte[]> floor(Caller caller) {
        byte[] page = firstPage;
        if (page == null) {
            page = json.writeValueAsBytes(events.page(1, EventFilter.parse(null, null, null)));
            firstPage = page;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
    }
}
