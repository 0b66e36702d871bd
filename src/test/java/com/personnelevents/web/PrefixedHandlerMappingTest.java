package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class PrefixedHandlerMappingTest {

    /** A hundred mappings with variables, like the application's, and the one asked for. */
    private static RequestMappingHandlerMapping mappings(RequestMappingHandlerMapping mapping) throws Exception {
        mapping.setApplicationContext(new StaticApplicationContext());
        mapping.afterPropertiesSet();
        Handlers handlers = new Handlers();
        Method other = Handlers.class.getMethod("other");
        for (int i = 0; i < 100; i++) {
            mapping.registerMapping(info(mapping, "/api/things" + i + "/{id}", RequestMethod.GET), handlers, other);
        }
        mapping.registerMapping(
                info(mapping, "/api/events/{id:[0-9]+}", RequestMethod.GET),
                handlers,
                Handlers.class.getMethod("event"));
        mapping.registerMapping(
                info(mapping, "/api/events/{id:[0-9]+}/approve", RequestMethod.POST),
                handlers,
                Handlers.class.getMethod("approve"));
        return mapping;
    }

    /** Spring's mapping and ours, each with the mappings above: a rule holds when both answer alike. */
    private static List<RequestMappingHandlerMapping> springsAndOurs() throws Exception {
        return List.of(mappings(new RequestMappingHandlerMapping()), mappings(new PrefixedHandlerMapping()));
    }

    /** Adds a GET mapping of the pattern, answered by {@code approve}. */
    private static void answer(RequestMappingHandlerMapping mapping, String pattern) throws Exception {
        mapping.registerMapping(
                info(mapping, pattern, RequestMethod.GET), new Handlers(), Handlers.class.getMethod("approve"));
    }

    private static RequestMappingInfo info(RequestMappingHandlerMapping mapping, String path, RequestMethod method) {
        return RequestMappingInfo.paths(path)
                .methods(method)
                .options(mapping.getBuilderConfiguration())
                .build();
    }

    /** A request that counts how often its method is asked: once per mapping tested beyond its path. */
    private static final class CountingRequest extends MockHttpServletRequest {
        final AtomicInteger methodReads = new AtomicInteger();

        CountingRequest(String method, String uri) {
            super(method, uri);
            ServletRequestPathUtils.parseAndCache(this);
        }

        @Override
        public String getMethod() {
            methodReads.incrementAndGet();
            return super.getMethod();
        }
    }

    private static String handler(RequestMappingHandlerMapping mapping, CountingRequest request) throws Exception {
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null
                ? null
                : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    @Test
    void a_path_with_a_variable_finds_its_handler_without_testing_the_mappings_it_cannot_match() throws Exception {
        CountingRequest stock = new CountingRequest("GET", "/api/events/42");
        CountingRequest prefixed = new CountingRequest("GET", "/api/events/42");

        assertThat(handler(mappings(new RequestMappingHandlerMapping()), stock)).isEqualTo("event");
        assertThat(handler(mappings(new PrefixedHandlerMapping()), prefixed)).isEqualTo("event");

        assertThat(stock.methodReads.get()).isGreaterThan(120);
        assertThat(prefixed.methodReads.get()).isLessThan(10); // one mapping asked: six reads
    }

    @Test
    void a_path_no_pattern_matches_finds_no_handler_either_way() throws Exception {
        assertThat(handler(mappings(new RequestMappingHandlerMapping()), new CountingRequest("GET", "/api/events/x")))
                .isNull();
        assertThat(handler(mappings(new PrefixedHandlerMapping()), new CountingRequest("GET", "/api/events/x")))
                .isNull();
    }

    @Test
    void a_method_the_path_does_not_allow_is_still_refused_as_not_allowed() throws Exception {
        for (RequestMappingHandlerMapping mapping : springsAndOurs()) {
            assertThatThrownBy(() -> handler(mapping, new CountingRequest("POST", "/api/events/42")))
                    .isInstanceOf(HttpRequestMethodNotSupportedException.class)
                    .hasMessageContaining("POST");
        }
    }

    @Test
    void a_pattern_spanning_segments_matches_its_bare_beginning_as_spring_matches_it() throws Exception {
        for (RequestMappingHandlerMapping mapping : springsAndOurs()) {
            answer(mapping, "/files/**");
            assertThat(handler(mapping, new CountingRequest("GET", "/files"))).isEqualTo("approve");
            assertThat(handler(mapping, new CountingRequest("GET", "/files/a/b")))
                    .isEqualTo("approve");
        }
    }

    @Test
    void a_brace_in_a_path_is_text_not_a_variable() throws Exception {
        for (RequestMappingHandlerMapping mapping : springsAndOurs()) {
            answer(mapping, "/files/{name}/meta");
            assertThat(handler(mapping, new CountingRequest("GET", "/files/{a/meta")))
                    .isEqualTo("approve");
        }
    }

    @Test
    void a_percent_encoded_path_matches_as_spring_matches_it() throws Exception {
        // pattern segments match decoded text: "%65" is "e"
        assertThat(handler(
                        mappings(new RequestMappingHandlerMapping()), new CountingRequest("GET", "/api/%65vents/42")))
                .isEqualTo("event");
        assertThat(handler(mappings(new PrefixedHandlerMapping()), new CountingRequest("GET", "/api/%65vents/42")))
                .isEqualTo("event");
    }

    @Test
    void a_patterns_matches_begin_with_its_text_before_the_first_variable_and_have_its_segments() {
        assertThat(PrefixedHandlerMapping.Shape.of("/api/events/{id}/approve"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/api/events/", 4));
        assertThat(PrefixedHandlerMapping.Shape.of("/api/events/{id:[0-9a-f]{8}}"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/api/events/", 3));
        assertThat(PrefixedHandlerMapping.Shape.of("/api/events"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/api/events", 2));
        assertThat(PrefixedHandlerMapping.Shape.of("/file?.txt"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/file", 1));
        // spanning segments: any number of them, none included ("/files/**" matches "/files")
        assertThat(PrefixedHandlerMapping.Shape.of("/files/**"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/files", -1));
        assertThat(PrefixedHandlerMapping.Shape.of("/files/{*rest}"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/files", -1));
        assertThat(PrefixedHandlerMapping.Shape.of("/**")).isEqualTo(new PrefixedHandlerMapping.Shape("", -1));
        // a brace escaped in a variable's regular expression opens nothing
        assertThat(PrefixedHandlerMapping.Shape.of("/x/{id:[\\{a]+}/y"))
                .isEqualTo(new PrefixedHandlerMapping.Shape("/x/", 3));
        assertThat(PrefixedHandlerMapping.Shape.of("")).isEqualTo(new PrefixedHandlerMapping.Shape("", -1));
    }

    static class Handlers {
        public void other() {}

        public void event() {}

        public void approve() {}
    }
}
