package com.personnelevents.auth;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** An identity's accounts, each with its groups (one row per group; one row, no group, for none). */
    private static final String ACTING_OF = """
            SELECT a.id, a.provider, a.last_sign_in_at, a.disabled_at, g.group_name
              FROM account a LEFT JOIN account_group g ON g.account_id = a.id
             WHERE a.identity_id = :identityId
             ORDER BY a.id, g.group_name
            """;

    private final JdbcClient jdbc;
    private final AccountCache cache;

    AccountRepository(JdbcClient jdbc, AccountCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /**
     * An account as who may act needs it: whether it is enabled, a provider's last sign-in (its groups are
     * only as fresh as that), and its groups.
     */
    record Acting(UUID id, String provider, Instant lastSignInAt, boolean enabled, Set<String> groups) {

        boolean isLocal() {
            return Account.LOCAL.equals(provider);
        }
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
        replaceGroups(account, account.groups());
    }

    void replaceGroups(Account account, Set<String> groups) {
        jdbc.sql("DELETE FROM account_group WHERE account_id = :id")
                .param("id", account.id())
                .update();
        for (String group : groups) {
            jdbc.sql("INSERT INTO account_group (account_id, group_name) VALUES (:id, :group)")
                    .param("id", account.id())
                    .param("group", group)
                    .update();
        }
        cache.changed(account.identityId());
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
     * The identity's accounts with their groups, in one statement: read for every request of a signed-in
     * person or a personal token, unless kept ({@link AccountCache}).
     */
    List<Acting> actingOf(UUID identityId) {
        return cache.of(identityId, this::readActing);
    }

    private List<Acting> readActing(UUID identityId) {
        Map<UUID, Acting> accounts = new LinkedHashMap<>();
        jdbc.sql(ACTING_OF).param("identityId", identityId).query((RowCallbackHandler) rs -> addActing(rs, accounts));
        return accounts.values().stream()
                .map(a -> new Acting(
                        a.id(), a.provider(), a.lastSignInAt(), a.enabled(), Collections.unmodifiableSet(a.groups())))
                .toList();
    }

    /** A row of an account and one of its groups (none: null): the account once, each group added to it. */
    private static void addActing(ResultSet rs, Map<UUID, Acting> accounts) throws SQLException {
        UUID id = uuid(rs, "id");
        Acting account = accounts.get(id);
        if (account == null) {
            account = new Acting(
                    id,
                    rs.getString("provider"),
                    instant(rs, "last_sign_in_at"),
                    rs.getObject("disabled_at") == null,
                    new TreeSet<>());
            accounts.put(id, account);
        }
        String group = rs.getString("group_name");
        if (group != null) {
            account.groups().add(group);
        }
    }

    boolean setPassword(UUID id, String hash, Instant now) {
        return jdbc.sql("UPDATE account SET password_hash = :hash, updated_at = :now WHERE id = :id")
                        .param("hash", hash)
                        .param("now", toDb(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean disable(Account account, Instant now) {
        boolean disabled = jdbc.sql(
                                "UPDATE account SET disabled_at = :now, updated_at = :now WHERE id = :id AND disabled_at IS NULL")
                        .param("now", toDb(now))
                        .param("id", account.id())
                        .update()
                == 1;
        cache.changed(account.identityId());
        return disabled;
    }

    void signedIn(Account account, Instant now) {
        jdbc.sql("UPDATE account SET last_sign_in_at = :now WHERE id = :id")
                .param("now", toDb(now))
                .param("id", account.id())
                .update();
        cache.changed(account.identityId());
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
