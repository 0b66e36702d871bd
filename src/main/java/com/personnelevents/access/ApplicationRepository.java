package com.personnelevents.access;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.access.ApplicationView.PermissionView;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String name, String description, Instant now) {
        jdbc.sql("""
                        INSERT INTO application (id, name, description, status, created_at, updated_at)
                        VALUES (:id, :name, :description, 'Active', :now, :now)
                        """)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("now", toDb(now))
                .update();
    }

    boolean update(UUID id, String name, String description, String status, Instant now) {
        return jdbc.sql("""
                        UPDATE application SET name = :name, description = :description, status = :status,
                            updated_at = :now WHERE id = :id
                        """)
                        .param("id", id)
                        .param("name", name)
                        .param("description", description)
                        .param("status", status)
                        .param("now", toDb(now))
                        .update()
                == 1;
    }

    void insertPermission(UUID id, UUID applicationId, String name, String description) {
        jdbc.sql("""
                        INSERT INTO permission (id, application_id, name, description)
                        VALUES (:id, :applicationId, :name, :description)
                        """)
                .param("id", id)
                .param("applicationId", applicationId)
                .param("name", name)
                .param("description", description)
                .update();
    }

    void updatePermission(UUID id, String description) {
        jdbc.sql("UPDATE permission SET description = :description WHERE id = :id")
                .param("id", id)
                .param("description", description)
                .update();
    }

    Optional<ApplicationView> findById(UUID id) {
        return jdbc.sql("SELECT * FROM application WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new ApplicationView(
                        uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("status"),
                        permissions(uuid(rs, "id")),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .optional();
    }

    Optional<UUID> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM application WHERE name = :name")
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    List<UUID> findAllIds() {
        return jdbc.sql("SELECT id FROM application ORDER BY name")
                .query(UUID.class)
                .list();
    }

    List<PermissionView> permissions(UUID applicationId) {
        return jdbc.sql("SELECT id, name, description FROM permission WHERE application_id = :id ORDER BY name")
                .param("id", applicationId)
                .query((rs, n) -> new PermissionView(uuid(rs, "id"), rs.getString("name"), rs.getString("description")))
                .list();
    }

    /** The permission of an application, both by name, if the application is not retired. */
    Optional<UUID> findActivePermission(String application, String permission) {
        return jdbc.sql("""
                        SELECT p.id FROM permission p JOIN application a ON a.id = p.application_id
                         WHERE a.name = :application AND p.name = :permission AND a.status = 'Active'
                        """)
                .param("application", application)
                .param("permission", permission)
                .query(UUID.class)
                .optional();
    }

    /** Application and permission names by permission id. */
    Map<UUID, PermissionRef> describe(Collection<UUID> permissionIds) {
        Map<UUID, PermissionRef> refs = new HashMap<>();
        if (permissionIds.isEmpty()) {
            return refs;
        }
        jdbc.sql("""
                        SELECT p.id, p.name, a.id AS application_id, a.name AS application_name, a.status
                          FROM permission p JOIN application a ON a.id = p.application_id WHERE p.id IN (:ids)
                        """).param("ids", permissionIds).query(rs -> {
            refs.put(
                    uuid(rs, "id"),
                    new PermissionRef(
                            new Named(uuid(rs, "application_id"), rs.getString("application_name")),
                            new Named(uuid(rs, "id"), rs.getString("name")),
                            "Active".equals(rs.getString("status"))));
        });
        return refs;
    }

    /** A permission with its application, and whether the application is still in use. */
    record PermissionRef(Named application, Named permission, boolean active) {}
}
