package com.personnelevents.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's request mappings, asked only about paths they could match. A path with a variable (an
 * event's id, a page's number) is not found by Spring's direct-path lookup, so every mapping of the
 * application (about a hundred) is then tested in turn, method and media types first and the path last;
 * each test reads the request's method through the five wrappers the filter chain puts around it. That
 * scan was a fifth of the service's samples in the benchmark's read profile, four times what the get by
 * id handler itself took. Here a mapping none of whose patterns begins with the path's literal text is
 * answered "no match" at once, as Spring would answer it after its other tests; the rest go through
 * Spring unchanged, and so does every path whose literal text is not plain (percent-encoded, or with
 * path parameters), since pattern segments match decoded text.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The path being looked up on this thread, when it is plain; null otherwise. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /** Each mapping's patterns' literal beginnings (up to the first variable or wildcard). */
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        PathPatternParser parser = getPatternParser();
        if (parser == null
                || !parser.isCaseSensitive()
                || lookupPath.indexOf('%') >= 0
                || lookupPath.indexOf(';') >= 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        LOOKUP_PATH.set(lookupPath);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null && !mayMatch(info, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean mayMatch(RequestMappingInfo info, String path) {
        for (String prefix : prefixes.computeIfAbsent(info, PrefixedHandlerMapping::literalPrefixes)) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Every pattern's text before its first variable or wildcard; a mapping without patterns may match any path. */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(PrefixedHandlerMapping::literalPrefix)
                .toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Registration {

        @Bean
        WebMvcRegistrations prefixedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PrefixedHandlerMapping();
                }
            };
        }
    }
}
