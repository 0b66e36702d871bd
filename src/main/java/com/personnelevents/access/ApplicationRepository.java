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
                        instant(rs, "updated_at"),
                        responsible(uuid(rs, "id"), Responsibility.ProvisionEngineer),
                        responsible(uuid(rs, "id"), Responsibility.ApplicationManager)))
                .optional();
    }

    /** The people of one responsibility for the application, by name. */
    List<Named> responsible(UUID applicationId, Responsibility responsibility) {
        return jdbc.sql("""
                        SELECT i.id, i.last_name, i.first_name FROM application_responsibility r
                          JOIN identity i ON i.id = r.identity_id
                         WHERE r.application_id = :id AND r.responsibility = :responsibility
                         ORDER BY i.last_name, i.first_name, i.id
                        """)
                .param("id", applicationId)
                .param("responsibility", responsibility.name())
                .query((rs, n) ->
                        new Named(uuid(rs, "id"), rs.getString("last_name") + ", " + rs.getString("first_name")))
                .list();
    }

    void replaceResponsible(UUID applicationId, Responsibility responsibility, Collection<UUID> people) {
        jdbc.sql("DELETE FROM application_responsibility WHERE application_id = :id AND responsibility = :r")
                .param("id", applicationId)
                .param("r", responsibility.name())
                .update();
        for (UUID person : people) {
            jdbc.sql("""
                            INSERT INTO application_responsibility (application_id, responsibility, identity_id)
                            VALUES (:id, :r, :person)
                            """)
                    .param("id", applicationId)
                    .param("r", responsibility.name())
                    .param("person", person)
                    .update();
        }
    }

    /** What the person is responsible for: each application with their responsibility, by name. */
    List<Map.Entry<Responsibility, String>> responsibilitiesOf(UUID identityId) {
        return jdbc.sql("""
                        SELECT r.responsibility, a.name FROM application_responsibility r
                          JOIN application a ON a.id = r.application_id
                         WHERE r.identity_id = :id ORDER BY r.responsibility, a.name
                        """)
                .param("id", identityId)
                .query((rs, n) -> Map.entry(Responsibility.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    /** Whether the person has this responsibility for the permission's application. */
    boolean isResponsible(UUID identityId, UUID permissionId, Responsibility responsibility) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM application_responsibility r JOIN permission p
                            ON p.application_id = r.application_id
                         WHERE r.identity_id = :identityId AND p.id = :permissionId
                           AND r.responsibility = :responsibility
                        """)
                        .param("identityId", identityId)
                        .param("permissionId", permissionId)
                        .param("responsibility", responsibility.name())
                        .query(Long.class)
                        .single()
                > 0;
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
                          FROM permission p JOIN application a ON a.id = p.application_id WHERE p.id = ANY(:ids)
                        """)
                .param("ids", com.personnelevents.db.Ids.array(permissionIds))
                .query(rs -> {
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
