package com.personnelevents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The pages' views keep the variables of their templates to themselves. Thymeleaf keeps every variable of a
 * page (the model, each row of a loop, each {@code th:with}) as an attribute of the request, and reads it
 * back from there for every expression. Through the request wrappers of sessions and security down to
 * Tomcat's request, whose lookup also checks its special and TLS attributes by name, those reads were a
 * sixth of the service's time on the taskboards (JFR: {@code String.equals}, {@code String.hashCode},
 * {@code ServletRequestWrapper.getAttribute} on top). A page now renders against a request whose attributes
 * it sets are kept in a map of the view's own; what it did not set is read from the request as before (the
 * CSRF token, the error attributes).
 */
@Configuration(proxyBeanMethods = false)
class PageViews {

    @Bean
    static BeanPostProcessor ownVariablesForPageViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver views) {
                    views.setViewClass(OwnVariablesView.class);
                }
                return bean;
            }
        };
    }

    /** A page view rendered against {@link OwnVariables}. */
    public static class OwnVariablesView extends ThymeleafView {

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            super.render(model, new OwnVariables(request), response);
        }
    }

    /**
     * The request as a page's rendering sees it: the attributes it sets and removes are its own; the others
     * are the request's.
     */
    static final class OwnVariables extends HttpServletRequestWrapper {

        /** An attribute the page removed, which the request may still have. */
        private static final Object REMOVED = new Object();

        private final Map<String, Object> own = new HashMap<>();

        OwnVariables(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            Object value = own.get(name);
            if (value != null) {
                return value == REMOVED ? null : value;
            }
            return super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            own.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            own.put(name, REMOVED);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            own.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }
    }
}
