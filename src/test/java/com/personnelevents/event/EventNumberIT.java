package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.JsonBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventNumberIT extends ApiIntegrationTest {

    @Test
    void numbers_stay_unique_and_sequential_under_concurrent_creation() throws Exception {
        UUID person = givenIdentity("Concurrent", "Creates");
        String writer = token("events:write");
        HttpClient http = HttpClient.newHttpClient();
        String body = JsonBody.json()
                .with("identityId", person.toString())
                .with("effectiveDate", "2026-05-01")
                .toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Long> numbers = new ArrayList<>();
        try {
            List<Callable<String>> creates = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                creates.add(() -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/api/personnel-events/role-transition"))
                                    .header("Authorization", "Bearer " + writer)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    ApiContract.assertConforms(baseUrl(), response);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    return response.body();
                });
            }
            for (Future<String> created : pool.invokeAll(creates)) {
                numbers.add(json.readTree(created.get()).path("number").asLong());
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Long> distinct = new HashSet<>(numbers);
        assertThat(distinct).hasSize(80);
        assertThat(numbers).allMatch(n -> n > 0);
        List<Long> stored = jdbc.sql("SELECT number FROM personnel_event WHERE identity_id = :id ORDER BY number")
                .param("id", person)
                .query(Long.class)
                .list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(numbers);
    }
}
