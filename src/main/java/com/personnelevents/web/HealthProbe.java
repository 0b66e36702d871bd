package com.personnelevents.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check without curl or wget in the image: asks the service in the same container
 * whether it is ready ({@code /actuator/health/readiness}) and exits 0 when it is, 1 when not. Run as
 * {@code java -cp @/app/jib-classpath-file com.personnelevents.web.HealthProbe [port]} (the port defaults to
 * {@code SERVER_PORT}, then {@code PORT}, then 8080, as the service's own).
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = args.length > 0
                ? args[0]
                : System.getenv().getOrDefault("SERVER_PORT", System.getenv().getOrDefault("PORT", "8080"));
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(answer.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
