package com.personnelevents.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** What the server answered: status, headers and the body as a JSON tree (missing node if none). */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
        return headers.getFirst(name);
    }

    public String text(String path) {
        return at(path).asString();
    }

    /** A node by JSON pointer-ish path: "affectedIdentity.firstName", "stages.0.name". */
    public JsonNode at(String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    /** The {@code field} of every entry of the envelope's {@code errors}. */
    public List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** The message the envelope gives for one field. */
    public String errorFor(String field) {
        for (JsonNode error : body.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        return null;
    }
}
