package com.personnelevents.auth;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account, Instant now) {
        jdbc.sql("""
                        INSERT INTO account (id, identity_id, provider, login, password_hash, created_at, updated_at,
                            last_sign_in_at, disabled_at)
                        VALUES (:id, :identityId, :provider, :login, :passwordHash, :now, :now, :lastSignIn, NULL)
                        """)
                .param("id", account.id())
                .param("identityId", account.identityId())
                .param("provider", account.provider())
                .param("login", account.login())
                .param("passwordHash", account.passwordHash())
                .param("now", toDb(now))
                .param("lastSignIn", toDb(account.lastSignInAt()))
                .update();
        replaceGroups(account.id(), account.groups());
    }

    void replaceGroups(UUID accountId, Set<String> groups) {
        jdbc.sql("DELETE FROM account_group WHERE account_id = :id")
                .param("id", accountId)
                .update();
        for (String group : groups) {
            jdbc.sql("INSERT INTO account_group (account_id, group_name) VALUES (:id, :group)")
                    .param("id", accountId)
                    .param("group", group)
                    .update();
        }
    }

    Optional<Account> find(String provider, String login) {
        return one("provider = :provider AND login = :login", Map.of("provider", provider, "login", login));
    }

    Optional<Account> findById(UUID id) {
        return one("id = :id", Map.of("id", id));
    }

    List<Account> findAll() {
        return many("SELECT * FROM account ORDER BY provider, login", Map.of());
    }

    /**
     * The groups of the identity's enabled accounts, together: local accounts', and a provider's when the person
     * signed in there since {@code providerSince} (a provider's groups are only as fresh as the last sign-in).
     */
    Set<String> groupsOf(UUID identityId, Instant providerSince) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT g.group_name FROM account_group g JOIN account a ON a.id = g.account_id
                         WHERE a.identity_id = :identityId AND a.disabled_at IS NULL
                           AND (a.provider = 'local' OR a.last_sign_in_at >= :since)
                        """)
                .param("identityId", identityId)
                .param("since", toDb(providerSince))
                .query(String.class)
                .list());
    }

    boolean hasEnabledAccount(UUID identityId) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE identity_id = :id AND disabled_at IS NULL")
                        .param("id", identityId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean setPassword(UUID id, String hash, Instant now) {
        return jdbc.sql("UPDATE account SET password_hash = :hash, updated_at = :now WHERE id = :id")
                        .param("hash", hash)
                        .param("now", toDb(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean disable(UUID id, Instant now) {
        return jdbc.sql(
                                "UPDATE account SET disabled_at = :now, updated_at = :now WHERE id = :id AND disabled_at IS NULL")
                        .param("now", toDb(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    void signedIn(UUID id, Instant now) {
        jdbc.sql("UPDATE account SET last_sign_in_at = :now WHERE id = :id")
                .param("now", toDb(now))
                .param("id", id)
                .update();
    }

    private Optional<Account> one(String condition, Map<String, Object> params) {
        return many("SELECT * FROM account WHERE " + condition, params).stream().findFirst();
    }

    private List<Account> many(String sql, Map<String, Object> params) {
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Row(
                        uuid(rs, "id"),
                        uuid(rs, "identity_id"),
                        rs.getString("provider"),
                        rs.getString("login"),
                        rs.getString("password_hash"),
                        instant(rs, "created_at"),
                        instant(rs, "last_sign_in_at"),
                        instant(rs, "disabled_at")))
                .list();
        Map<UUID, Set<String>> groups = groups(rows.stream().map(Row::id).toList());
        return rows.stream()
                .map(r -> new Account(
                        r.id(),
                        r.identityId(),
                        r.provider(),
                        r.login(),
                        r.passwordHash(),
                        groups.getOrDefault(r.id(), Set.of()),
                        r.createdAt(),
                        r.lastSignInAt(),
                        r.disabledAt()))
                .toList();
    }

    private Map<UUID, Set<String>> groups(Collection<UUID> accountIds) {
        Map<UUID, Set<String>> groups = new HashMap<>();
        if (accountIds.isEmpty()) {
            return groups;
        }
        jdbc.sql("SELECT account_id, group_name FROM account_group WHERE account_id = ANY(:ids) ORDER BY group_name")
                .param("ids", com.personnelevents.db.Ids.array(accountIds))
                .query((RowCallbackHandler)
                        rs -> groups.computeIfAbsent(uuid(rs, "account_id"), k -> new LinkedHashSet<>())
                                .add(rs.getString("group_name")));
        return groups;
    }

    private record Row(
            UUID id,
            UUID identityId,
            String provider,
            String login,
            String passwordHash,
            Instant createdAt,
            Instant lastSignInAt,
            Instant disabledAt) {}
}
