package com.personnelevents.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI personnelEventsApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Personnel Events API")
                        .version("1")
                        .description("Creates personnel events (onboarding, offboarding, role transitions, "
                                + "leaves of absence) and runs them through Approval, Provision and Verification."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token created with `token create` or POST /api/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
