package com.personnelevents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error envelope where no controller advice reaches: filters and the security chain. */
@Component
public class ErrorWriter {

    private final JsonMapper json;

    ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ErrorEnvelope.of(code, message));
    }

    /**
     * For an answer made outside every filter (the container refusing a request before the application
     * sees it): the envelope its status calls for, with a new correlation id in the header as in the body.
     */
    public void writeOutsideRequest(HttpServletResponse response, HttpStatus status) throws IOException {
        String correlationId = CorrelationId.current();
        response.setHeader(CorrelationId.HEADER, correlationId);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ErrorEnvelope.forStatus(status, correlationId));
    }
}
