package com.personnelevents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * each test reads the request's method through the five wrappers the filter chain puts around it, and
 * the mappings of the same resource match the id's pattern before failing on the next segment. That scan
 * was a fifth of the service's samples in the benchmark's read profile, four times what the get by id
 * handler itself took. Here a mapping is answered "no match" at once when none of its patterns has the
 * path's number of segments and begins with the path's literal text, as Spring would answer after its
 * other tests; the rest go through Spring unchanged, and so does every percent-encoded path, since
 * pattern segments match decoded text (Spring has already taken path parameters out of the path).
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** Each mapping's patterns, by their literal beginning and number of segments. */
    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        PathPatternParser parser = getPatternParser();
        if (parser == null
                || !parser.isCaseSensitive()
                || parser.getPathOptions().separator() != '/'
                || lookupPath.indexOf('%') >= 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        return super.lookupHandlerMethod(lookupPath, new Lookup(request, lookupPath));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (request instanceof Lookup lookup && !mayMatch(info, lookup)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean mayMatch(RequestMappingInfo info, Lookup lookup) {
        for (Shape shape : shapes.computeIfAbsent(info, PrefixedHandlerMapping::shapes)) {
            if (shape.mayMatch(lookup.path, lookup.separators)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request during one lookup, carrying its plain path to {@link #getMatchingMapping}, which Spring
     * calls with the request alone; everything else is the request's own.
     */
    private static final class Lookup extends HttpServletRequestWrapper {

        final String path;
        final int separators;

        Lookup(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
            // a request path has no variables: every separator counts, braces are text
            int count = 0;
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                count++;
            }
            this.separators = count;
        }
    }

    /**
     * What a pattern's matches have in common: their beginning (the pattern's text before its first
     * variable or wildcard; for one that spans segments, {@code **} or {@code {*rest}}, the text before the
     * separator the span starts at) and, unless it spans segments, their number of separators.
     */
    record Shape(String prefix, int separators) {

        static final int ANY = -1;

        static Shape of(String pattern) {
            if (pattern.isEmpty()) {
                return new Shape("", ANY);
            }
            int end = 0;
            while (end < pattern.length() && "{*?".indexOf(pattern.charAt(end)) < 0) {
                end++;
            }
            if (pattern.contains("**") || pattern.contains("{*")) {
                // "/files/**" matches "/files" too: its beginning ends before the separator of the span
                return new Shape(pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', end - 1))), ANY);
            }
            return new Shape(pattern.substring(0, end), separators(pattern));
        }

        /** The separators outside variables' braces (a variable's regular expression is not a segment). */
        static int separators(String text) {
            int count = 0;
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && depth > 0) {
                    i++; // an escaped character of a variable's regular expression, a brace perhaps
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (c == '/' && depth == 0) {
                    count++;
                }
            }
            return count;
        }

        boolean mayMatch(String path, int pathSeparators) {
            return (separators == ANY || separators == pathSeparators) && path.startsWith(prefix);
        }
    }

    /** A mapping without patterns may match any path. */
    static Shape[] shapes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new Shape[] {new Shape("", Shape.ANY)};
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(Shape::of)
                .toArray(Shape[]::new);
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
