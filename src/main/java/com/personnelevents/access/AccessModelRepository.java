package com.personnelevents.access;

import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.identity.IdentityAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessModelRepository {

    private final JdbcClient jdbc;

    AccessModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccessModel model, Instant now) {
        jdbc.sql("""
                        INSERT INTO access_model (id, name, description, enabled, created_at, updated_at, version)
                        VALUES (:id, :name, :description, :enabled, :now, :now, 0)
                        """)
                .param("id", model.id())
                .param("name", model.name())
                .param("description", model.description())
                .param("enabled", model.enabled())
                .param("now", toDb(now))
                .update();
        insertParts(model);
    }

    /** Replaces the model's definition; false when someone else changed it since it was read. */
    boolean update(AccessModel model, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE access_model SET name = :name, description = :description, enabled = :enabled,
                            updated_at = :now, version = version + 1 WHERE id = :id AND version = :version
                        """)
                .param("id", model.id())
                .param("name", model.name())
                .param("description", model.description())
                .param("enabled", model.enabled())
                .param("now", toDb(now))
                .param("version", model.version())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM access_model_criterion WHERE model_id = :id")
                .param("id", model.id())
                .update();
        jdbc.sql("DELETE FROM access_model_permission WHERE model_id = :id")
                .param("id", model.id())
                .update();
        insertParts(model);
        return true;
    }

    private void insertParts(AccessModel model) {
        model.criteria()
                .forEach((attribute, values) -> values.forEach(value -> jdbc.sql(
                                "INSERT INTO access_model_criterion (model_id, attribute, accepted_value) VALUES (:id, :attribute, :value)")
                        .param("id", model.id())
                        .param("attribute", attribute.name())
                        .param("value", value)
                        .update()));
        model.permissionIds()
                .forEach(permission -> jdbc.sql(
                                "INSERT INTO access_model_permission (model_id, permission_id) VALUES (:id, :permission)")
                        .param("id", model.id())
                        .param("permission", permission)
                        .update());
    }

    Optional<AccessModel> findById(UUID id) {
        return all(" WHERE m.id = :id", id).stream().findFirst();
    }

    List<AccessModel> findAll() {
        return all("", null);
    }

    Optional<UUID> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM access_model WHERE name = :name")
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    /** Three queries for any number of models: the models, their criteria, their permissions. */
    private List<AccessModel> all(String where, UUID id) {
        var spec = jdbc.sql("SELECT * FROM access_model m" + where + " ORDER BY m.name");
        if (id != null) {
            spec = spec.param("id", id);
        }
        record Row(UUID id, String name, String description, boolean enabled, long version) {}
        List<Row> rows = spec.query((rs, n) -> new Row(
                        uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getBoolean("enabled"),
                        rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, Map<IdentityAttribute, Set<String>>> criteria = new HashMap<>();
        jdbc.sql("SELECT model_id, attribute, accepted_value FROM access_model_criterion WHERE model_id = ANY(:ids)")
                .param("ids", com.personnelevents.db.Ids.array(ids))
                .query(rs -> {
                    criteria.computeIfAbsent(uuid(rs, "model_id"), k -> new EnumMap<>(IdentityAttribute.class))
                            .computeIfAbsent(
                                    IdentityAttribute.valueOf(rs.getString("attribute")), k -> new LinkedHashSet<>())
                            .add(rs.getString("accepted_value"));
                });
        Map<UUID, Set<UUID>> permissions = new HashMap<>();
        jdbc.sql("SELECT model_id, permission_id FROM access_model_permission WHERE model_id = ANY(:ids)")
                .param("ids", com.personnelevents.db.Ids.array(ids))
                .query(rs -> {
                    permissions
                            .computeIfAbsent(uuid(rs, "model_id"), k -> new HashSet<>())
                            .add(uuid(rs, "permission_id"));
                });
        List<AccessModel> models = new ArrayList<>();
        for (Row row : rows) {
            models.add(new AccessModel(
                    row.id(),
                    row.name(),
                    row.description(),
                    row.enabled(),
                    criteria.getOrDefault(row.id(), Map.of()),
                    permissions.getOrDefault(row.id(), Set.of()),
                    row.version()));
        }
        return models;
    }
}
