package com.personnelevents;

import com.personnelevents.auth.TokenCommand;
import com.personnelevents.event.AuditCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        if (TokenCommand.handles(args)) {
            System.exit(TokenCommand.run(Application.class, args));
        }
        if (AuditCommand.handles(args)) {
            System.exit(AuditCommand.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }

    /** Every "now" and "today" comes from here, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
