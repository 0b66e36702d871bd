package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.SecondInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** What the tests of the caches (tokens, accounts, people) share: waiting for instances, and asking them. */
final class CacheChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CacheChecks() {}

    /** Waits (up to 10 s) until the instance listens for changes, so that its caches keep what they read. */
    static void awaitListening(SecondInstance instance) throws InterruptedException {
        awaitListening(instance.bean(ChangeNotices.class));
    }

    static void awaitListening(ChangeNotices notices) throws InterruptedException {
        assertThat(within(Duration.ofSeconds(10), notices::trusted))
                .as("the instance listens for changes")
                .isTrue();
    }

    /** Whether the check holds within {@code limit}, checked every 20 ms. */
    static boolean within(Duration limit, BooleanSupplier check) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!check.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** {@code GET base + path} with the token. */
    static HttpResponse<String> get(String base, String path, String token) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
