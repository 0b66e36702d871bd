package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.personnelevents.db.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tokens as last read, by hash, so that a request does not look its token up in the database. Safe only
 * where every change of a token reaches every instance at once: on PostgreSQL, each change sends a {@code
 * NOTIFY} in its transaction (delivered at commit), and every instance {@code LISTEN}s on a connection of its
 * own and forgets the token it names. While that connection is down, nothing is cached (every request reads
 * its token), and what was cached is forgotten. On H2 (one process, but the jar's commands change tokens
 * from another) nothing is cached.
 */
@Component
class TokenCache implements SmartLifecycle {

    static final String CHANNEL = "personnel_events_tokens";
    private static final Logger log = LoggerFactory.getLogger(TokenCache.class);

    private final Cache<String, ApiToken> byHash;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final boolean enabled;
    private final DataSourceProperties database;
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    TokenCache(
            JdbcClient jdbc,
            DataSource dataSource,
            DataSourceProperties database,
            @Value("${personnel-events.token-cache.enabled:true}") boolean enabled,
            @Value("${personnel-events.token-cache.size:10000}") long size,
            @Value("${personnel-events.token-cache.ttl:10m}") Duration ttl) {
        this.jdbc = jdbc;
        this.database = database;
        this.postgres = Databases.isPostgres(dataSource);
        this.enabled = enabled && postgres;
        this.byHash =
                Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
    }

    /**
     * Starts listening with the application (the jar's commands switch the cache off: they only send
     * notifications of what they change).
     */
    @Override
    public void start() {
        if (enabled && listener == null) {
            listener = new Thread(this::listen, "token-cache-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null && !stopped;
    }

    /** The token of this hash: cached while the cache can be trusted, else read. */
    Optional<ApiToken> find(String hash, Supplier<Optional<ApiToken>> read) {
        if (!listening) {
            return read.get();
        }
        ApiToken cached = byHash.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ApiToken> token = read.get();
        // cached only if the listener was up all along: a change missed meanwhile cannot linger
        if (listening) {
            token.ifPresent(t -> byHash.put(hash, t));
        }
        return token;
    }

    /** Keeps the token's new last use, so that it is not written again within the minute. */
    void used(ApiToken token) {
        if (listening) {
            byHash.asMap().computeIfPresent(token.hash(), (h, old) -> token);
        }
    }

    /**
     * A token changed (revoked, its stand-ins set): every instance forgets it when this transaction commits,
     * this one at once then, the others by the notification.
     */
    void changed(UUID tokenId) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(:channel, :id)")
                    .param("channel", CHANNEL)
                    .param("id", tokenId.toString())
                    .query(Object.class)
                    .optional();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(tokenId);
                }
            });
        } else {
            forget(tokenId);
        }
    }

    private void forget(UUID tokenId) {
        byHash.asMap().values().removeIf(t -> t.id().equals(tokenId));
    }

    private void listen() {
        while (!stopped) {
            Properties properties = new Properties();
            properties.setProperty("user", database.determineUsername() == null ? "" : database.determineUsername());
            properties.setProperty("password", password());
            // a server gone without closing the connection is noticed: no answer to the check within 10 s
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", "10");
            properties.setProperty("tcpKeepAlive", "true");
            try (Connection connection = DriverManager.getConnection(database.determineUrl(), properties);
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                while (!stopped) {
                    PGNotification[] received = notifications.getNotifications(2_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            forget(UUID.fromString(notification.getParameter()));
                        }
                    }
                    statement.execute("SELECT 1"); // still connected, so no notification was missed
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    log.warn(
                            "Token cache listener lost its connection ({}); tokens are read per request until it is"
                                    + " back",
                            e.getClass().getSimpleName());
                }
            } finally {
                listening = false;
                byHash.invalidateAll();
            }
            pause();
        }
    }

    private String password() {
        String password = database.determinePassword();
        return password == null ? "" : password;
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Whether tokens are being cached now (for tests and health). */
    boolean isCaching() {
        return listening;
    }

    @Override
    public void stop() {
        stopped = true;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
