package com.personnelevents.auth;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.Where;
import com.personnelevents.workflow.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken token) {
        jdbc.sql("""
                        INSERT INTO api_token (id, name, token_hash, scopes, created_at, expires_at, identity_id,
                            stands_in_for, created_by_identity_id)
                        VALUES (:id, :name, :hash, :scopes, :createdAt, :expiresAt, :identityId, :standsInFor,
                            :createdBy)
                        """)
                .param("id", token.id())
                .param("name", token.name())
                .param("hash", token.hash())
                .param(
                        "scopes",
                        token.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" ")))
                .param("createdAt", toDb(token.createdAt()))
                .param("expiresAt", toDb(token.expiresAt()))
                .param("identityId", token.identityId())
                .param("standsInFor", roles(token.standsInFor()))
                .param("createdBy", token.createdBy())
                .update();
    }

    /** Which roles an integration token stands in for; the administrative trail records the change. */
    boolean standInFor(UUID id, Set<Role> roles) {
        return jdbc.sql("UPDATE api_token SET stands_in_for = :roles WHERE id = :id AND identity_id IS NULL")
                        .param("roles", roles(roles))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<ApiToken> findById(UUID id) {
        return jdbc.sql("SELECT * FROM api_token WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** A person's tokens, oldest first. */
    List<ApiToken> findByIdentity(UUID identityId) {
        return jdbc.sql("SELECT * FROM api_token WHERE identity_id = :identityId ORDER BY created_at, id")
                .param("identityId", identityId)
                .query(this::row)
                .list();
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(" "));
    }

    Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM api_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query(this::row)
                .optional();
    }

    List<ApiToken> findAll() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY created_at, id")
                .query(this::row)
                .list();
    }

    /** One page of tokens, the newest first. */
    List<ApiToken> page(long offset) {
        return new Where().page(jdbc, "SELECT * FROM api_token", "created_at DESC, id DESC", offset, this::row);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
    }

    /** Stamps the last use at most once a minute, so that reads do not turn into a write each. */
    void touch(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE api_token SET last_used_at = :now
                         WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)
                        """)
                .param("now", toDb(now))
                .param("stale", toDb(now.minusSeconds(60)))
                .param("id", id)
                .update();
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .param("now", toDb(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The tokens neither revoked nor expired at {@code now}, locked until the transaction ends. */
    List<ApiToken> lockUsable(Instant now) {
        return jdbc.sql("""
                        SELECT * FROM api_token
                         WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
                         ORDER BY id
                           FOR UPDATE
                        """).param("now", toDb(now)).query(this::row).list();
    }

    /** The person who created the integration token {@code id}; empty for anything else. */
    Optional<UUID> creatorOf(UUID id) {
        return jdbc.sql("SELECT created_by_identity_id FROM api_token WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(uuid(rs, "created_by_identity_id")))
                .optional()
                .flatMap(creator -> creator);
    }

    /** A token's creator (none for one the command line made), or the id itself when it is no token's. */
    Optional<UUID> personBehind(UUID id) {
        return jdbc.sql("SELECT created_by_identity_id FROM api_token WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(uuid(rs, "created_by_identity_id")))
                .optional()
                .orElse(Optional.of(id));
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private ApiToken row(ResultSet rs, int n) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(rs.getString("scopes").split(" "))
                .map(Scope::parse)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return new ApiToken(
                uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("token_hash"),
                scopes,
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                uuid(rs, "identity_id"),
                parseRoles(rs.getString("stands_in_for")),
                uuid(rs, "created_by_identity_id"));
    }

    private static Set<Role> parseRoles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(" ")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
