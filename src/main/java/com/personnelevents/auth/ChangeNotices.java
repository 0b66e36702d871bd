package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.personnelevents.db.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What lets an instance keep what it read of tokens, accounts and people: every change sends a {@code NOTIFY} on
 * its channel in its transaction (PostgreSQL delivers it at commit), and every instance {@code LISTEN}s on a
 * connection of its own and has its caches forget what the notice names; the instance that made the change
 * forgets it when its transaction commits. While that connection is down nothing may be cached ({@link
 * #trusted()} is false) and everything cached is forgotten. On H2 (one process, but the jar's commands change
 * tokens and accounts from another) nothing is ever trusted.
 *
 * <p>A read that raced a change (it began before the change committed and would keep what it read after the
 * change was forgotten) is not kept: {@link #keptOrRead} keeps a value only if nothing was forgotten
 * since its read began.
 */
@Component
class ChangeNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    /** What a cache does with a notice on its channel (the payload), or with {@code null}: forget everything. */
    private final Map<String, Consumer<String>> forgetters = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final boolean enabled;
    private final DataSourceProperties database;
    private final Object forgetting = new Object();
    private volatile long forgotten;
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    ChangeNotices(
            JdbcClient jdbc,
            DataSource dataSource,
            DataSourceProperties database,
            // the switch's old name (token-cache.enabled, before accounts were kept too) still switches it off
            @org.springframework.beans.factory.annotation.Value(
                            "${personnel-events.caches.enabled:${personnel-events.token-cache.enabled:true}}")
                    boolean enabled) {
        this.jdbc = jdbc;
        this.database = database;
        this.postgres = Databases.isPostgres(dataSource);
        this.enabled = enabled && postgres;
    }

    /** A cache's channel: notices on it are handed to {@code forget}; {@code null} means forget everything. */
    void register(String channel, Consumer<String> forget) {
        forgetters.put(channel, forget);
    }

    /**
     * The id a notice names; null (forget everything) for none or for a payload that is not an id, which no
     * instance of the service sends: whoever sent it, nothing it could have meant is left kept.
     */
    static UUID idOrNull(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether what was read may be kept now: the listener is up, so no change can go unnoticed. */
    boolean trusted() {
        return listening;
    }

    /**
     * The value kept under {@code key} in {@code cache}, or else what {@code read} gives (null: nothing, which
     * is not kept). What was read is kept only if the cache can be trusted and nothing was forgotten while it
     * was read; while the cache cannot be trusted, it is neither consulted nor filled.
     */
    <K, V> V keptOrRead(Cache<K, V> cache, K key, Function<K, V> read) {
        if (!listening) {
            return read.apply(key);
        }
        V kept = cache.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long mark = forgotten;
        V value = read.apply(key);
        if (value != null) {
            synchronized (forgetting) {
                if (listening && forgotten == mark) {
                    cache.put(key, value);
                }
            }
        }
        return value;
    }

    /**
     * Something on the channel changed in this transaction: every instance forgets {@code payload} when it
     * commits, this one at once then, the others by the notice.
     */
    void changed(String channel, String payload) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(:channel, :payload)")
                    .param("channel", channel)
                    .param("payload", payload)
                    .query(Object.class)
                    .optional();
        }
        forgetAtCommit(channel, payload);
    }

    /**
     * Something on the channel changed in this transaction, and the database sends the notice itself (a
     * trigger): this instance forgets {@code payload} when the transaction commits, the others by the notice.
     */
    void forgetAtCommit(String channel, String payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(channel, payload);
                }
            });
        } else {
            forget(channel, payload);
        }
    }

    private void forget(String channel, String payload) {
        Consumer<String> forget = forgetters.get(channel);
        synchronized (forgetting) {
            forgotten++;
            if (forget != null) {
                forget.accept(payload);
            }
        }
    }

    private void forgetEverything() {
        synchronized (forgetting) {
            forgotten++;
            forgetters.values().forEach(forget -> forget.accept(null));
        }
    }

    /**
     * Starts listening with the application (the jar's commands switch this off: they only send notices of
     * what they change).
     */
    @Override
    public void start() {
        if (enabled && listener == null) {
            listener = new Thread(this::listen, "change-notices-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null && !stopped;
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
                for (String channel : forgetters.keySet()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                while (!stopped) {
                    PGNotification[] received = notifications.getNotifications(2_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            forget(notification.getName(), notification.getParameter());
                        }
                    }
                    statement.execute("SELECT 1"); // still connected, so no notice was missed
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    log.warn(
                            "The caches' listener lost its connection ({}); tokens, accounts and people are read per request"
                                    + " until it is back",
                            e.getClass().getSimpleName());
                }
            } finally {
                listening = false;
                forgetEverything();
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

    @Override
    public void stop() {
        stopped = true;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
