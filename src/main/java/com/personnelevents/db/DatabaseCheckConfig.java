package com.personnelevents.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseCheckConfig {

    /** Static: it runs before any other bean exists, the data source included. */
    @Bean
    static DatabaseCheck databaseCheck() {
        return new DatabaseCheck();
    }
}
