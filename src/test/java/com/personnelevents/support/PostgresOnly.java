package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that needs the real PostgreSQL server (a second JVM on the same database, a server restart).
 * The default build leaves the "postgres" tag out; {@code -Ppostgres} runs it. Selected against any
 * other database it fails at once instead of skipping, and an unreachable server fails the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresOnly.Check.class)
public @interface PostgresOnly {

    class Check implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            assertThat(System.getProperty("spring.datasource.url"))
                    .as("%s runs on PostgreSQL only: run it with -Ppostgres", context.getDisplayName())
                    .startsWith("jdbc:postgresql:");
        }
    }
}
