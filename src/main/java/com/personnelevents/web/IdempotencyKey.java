package com.personnelevents.web;

import com.personnelevents.validation.ValidationException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code Idempotency-Key} of a create, as a controller parameter (null when none was sent). One value,
 * sent once, of visible ASCII without commas: header lines sent twice would reach Spring joined by a comma
 * ({@code a,b}), and a retry carrying only one of them would then create a second event. A proxy that joins
 * repeated lines itself produces the same comma, hence no commas at all.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_LENGTH = 256;
    static final Pattern VALUE = Pattern.compile("[\\x21-\\x2B\\x2D-\\x7E]{1," + MAX_LENGTH + "}");

    /** The key of a request's header lines: none, or exactly one valid value. */
    static IdempotencyKey of(List<String> headerLines) {
        if (headerLines.isEmpty()) {
            return null;
        }
        if (headerLines.size() > 1) {
            throw ValidationException.of(HEADER, "Send one Idempotency-Key header, not " + headerLines.size());
        }
        String value = headerLines.get(0);
        if (!VALUE.matcher(value).matches()) {
            throw ValidationException.of(
                    HEADER, "Idempotency-Key must be 1 to 256 visible ASCII characters other than a comma");
        }
        return new IdempotencyKey(value);
    }

    @Configuration(proxyBeanMethods = false)
    static class Resolving implements WebMvcConfigurer, HandlerMethodArgumentResolver {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == IdempotencyKey.class;
        }

        @Override
        public IdempotencyKey resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            var lines = request.getHeaderValues(HEADER);
            return of(lines == null ? List.of() : List.of(lines));
        }
    }
}
