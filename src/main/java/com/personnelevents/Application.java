package com.personnelevents;

import com.personnelevents.auth.TokenCommand;
import com.personnelevents.auth.UserCommand;
import com.personnelevents.cli.Cli;
import com.personnelevents.event.AuditCommand;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class Application {

    /** The jar's commands; without one (or with options only) the jar starts the service. */
    public static final List<Cli.Command> COMMANDS =
            List.of(TokenCommand.COMMAND, UserCommand.COMMAND, AuditCommand.COMMAND);

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(Application.class, args, COMMANDS));
        }
        SpringApplication.run(Application.class, args);
    }

    /** Every "now" and "today" comes from here, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
