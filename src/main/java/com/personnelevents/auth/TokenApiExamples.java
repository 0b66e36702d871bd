package com.personnelevents.auth;

import com.personnelevents.web.ApiDocs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The example of a token request, expiring a year from today so that the document's example is accepted. */
@Configuration(proxyBeanMethods = false)
class TokenApiExamples {

    @Bean
    OpenApiCustomizer tokenRequestExample(Clock clock) {
        return api -> {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("name", "HR Integration");
            example.put("scopes", List.of("events:read", "events:write", "identities:read"));
            example.put(
                    "expiresAt",
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(1).toString());
            ApiDocs.exampleBody(api, "createToken", example);
        };
    }
}
