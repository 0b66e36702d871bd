package com.personnelevents.support;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body built from defaults and changed by dotted paths:
 * {@code anOnboardRequest().with("identity.firstName", null)}. A null value is sent as JSON null;
 * {@link #without} leaves the field out.
 */
public final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> root = new LinkedHashMap<>();

    public static JsonBody json() {
        return new JsonBody();
    }

    @SuppressWarnings("unchecked")
    public JsonBody with(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public JsonBody without(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                return this;
            }
            node = (Map<String, Object>) child;
        }
        node.remove(parts[parts.length - 1]);
        return this;
    }

    @Override
    public String toString() {
        return JSON.writeValueAsString(root);
    }
}
