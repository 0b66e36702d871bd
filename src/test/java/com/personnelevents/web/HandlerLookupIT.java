package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's controllers are looked up through the prefixed mapping, which knows every pattern. */
class HandlerLookupIT extends ApiIntegrationTest {

    @Autowired
    private RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Test
    void the_application_looks_handlers_up_by_their_patterns_literal_beginning() {
        assertThat(requestMappingHandlerMapping).isInstanceOf(PrefixedHandlerMapping.class);
        assertThat(requestMappingHandlerMapping.getHandlerMethods().keySet())
                .extracting(info -> PrefixedHandlerMapping.shapes(info)[0].prefix())
                .contains("/api/personnel-events/", "/personnel-events/")
                .allSatisfy(prefix -> assertThat(prefix).startsWith("/"));
    }
}
