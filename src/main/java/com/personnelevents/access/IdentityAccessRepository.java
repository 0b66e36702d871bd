package com.personnelevents.access;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each identity holds now. */
@Repository
class IdentityAccessRepository {

    static final String ACTIVE = "Active";
    static final String SUSPENDED = "Suspended";

    private final JdbcClient jdbc;

    IdentityAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Held> heldBy(UUID identityId) {
        return jdbc.sql("SELECT * FROM identity_access WHERE identity_id = :id")
                .param("id", identityId)
                .query((rs, n) -> new Held(
                        uuid(rs, "permission_id"),
                        rs.getString("account"),
                        rs.getString("status"),
                        instant(rs, "updated_at")))
                .list();
    }

    /** Grants the permission (or re-activates it), keeping a known account name unless a new one is given. */
    void grant(UUID identityId, UUID permissionId, String account, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE identity_access SET status = 'Active', account = COALESCE(:account, account),
                            updated_at = :now WHERE identity_id = :identityId AND permission_id = :permissionId
                        """)
                .param("account", account)
                .param("now", toDb(now))
                .param("identityId", identityId)
                .param("permissionId", permissionId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO identity_access (identity_id, permission_id, account, status, updated_at)
                            VALUES (:identityId, :permissionId, :account, 'Active', :now)
                            """)
                    .param("identityId", identityId)
                    .param("permissionId", permissionId)
                    .param("account", account)
                    .param("now", toDb(now))
                    .update();
        }
    }

    void setStatus(UUID identityId, UUID permissionId, String status, Instant now) {
        jdbc.sql("""
                        UPDATE identity_access SET status = :status, updated_at = :now
                         WHERE identity_id = :identityId AND permission_id = :permissionId
                        """)
                .param("status", status)
                .param("now", toDb(now))
                .param("identityId", identityId)
                .param("permissionId", permissionId)
                .update();
    }

    void revoke(UUID identityId, UUID permissionId) {
        jdbc.sql("DELETE FROM identity_access WHERE identity_id = :identityId AND permission_id = :permissionId")
                .param("identityId", identityId)
                .param("permissionId", permissionId)
                .update();
    }

    record Held(UUID permissionId, String account, String status, Instant updatedAt) {}
}
