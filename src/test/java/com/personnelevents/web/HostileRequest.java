package com.personnelevents.web;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;

/**
 * One hostile or malformed request of the {@link HostileInputCorpus} and the answer it must get.
 * Path and body may hold placeholders ({@code {identity}}, {@code {event}}, {@code {application}},
 * {@code {model}}) for fixtures that exist only once the application runs. The body is bytes, so that
 * invalid UTF-8 can be sent; {@code null} sends no body at all.
 *
 * @param field the field the envelope must name in {@code errors}, or null when it names none
 * @param message the envelope's {@code message}, or null when any non-blank one will do
 */
record HostileRequest(
        String name,
        HttpMethod method,
        String path,
        Map<String, String> headers,
        Supplier<byte[]> body,
        int status,
        String error,
        String field,
        String message) {

    @Override
    public String toString() {
        return name;
    }
}
