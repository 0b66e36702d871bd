package com.personnelevents.event;

import com.personnelevents.auth.Caller;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's HTTP floor, only when {@code personnel-events.benchmark.http-floor=true} (never in
 * production): the same server, filters, security and caller resolution as the list, to a handler that
 * answers the bytes of the list's first page, serialized once. What the list costs above it is its SQL and
 * its serialisation. The same for get by id: each event's answer serialized once (the benchmark asks for a
 * hundred events; past {@value #KEPT} the answers are not kept).
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "personnel-events.benchmark.http-floor", havingValue = "true")
class BenchmarkFloor {

    private final PersonnelEventService events;
    private final JsonMapper json;
    private volatile byte[] firstPage;

    static final int KEPT = 1000;

    private final Map<UUID, byte[]> answers = new ConcurrentHashMap<>();

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

    @GetMapping("/api/benchmark/floor/" + ApiPaths.ID)
    ResponseEntity<byte[]> floor(@PathVariable UUID id, Caller caller) {
        byte[] answer = answers.get(id);
        if (answer == null) {
            answer = json.writeValueAsBytes(events.get(id, caller));
            if (answers.size() < KEPT) {
                answers.put(id, answer);
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
