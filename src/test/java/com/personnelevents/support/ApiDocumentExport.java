package com.personnelevents.support;

import com.personnelevents.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the API document the application serves to a file: the build runs it before compiling the Java
 * client generated from that document (see the pom), so that the client is generated from exactly what the
 * server answers at {@code /v3/api-docs}, on a throwaway in-memory database.
 */
public final class ApiDocumentExport {

    private ApiDocumentExport() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        // Arguments, not default properties: they must win over application.properties (port, database).
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:mem:api-docs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH",
                        "--personnel-events.scheduler.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> docs = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (docs.statusCode() != 200) {
                throw new IllegalStateException("GET /v3/api-docs answered " + docs.statusCode());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, docs.body());
        }
    }
}
