package com.personnelevents.support;

import com.personnelevents.Application;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application, on the database the tests use, as a second server behind a load
 * balancer would be (or the same server after a restart). Settings are passed as arguments, so that they
 * win over application.properties.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance start(String url, String username, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--server.port=0",
                "--personnel-events.scheduler.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        return new SecondInstance(new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://localhost" + ":"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
