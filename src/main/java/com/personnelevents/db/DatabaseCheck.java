package com.personnelevents.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Opens one connection with the configured settings before any bean uses the database. A wrong URL, user
 * or password (say, PostgreSQL's URL set and no user) then stops start-up with a {@link DatabaseProblem}
 * naming the setting, reported by {@link DatabaseFailureAnalyzer}, rather than with the pool's and every
 * dependent bean's stack traces.
 */
public final class DatabaseCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Set by the jar's commands: the database must already hold this service's schema. */
    public static final String REQUIRE_SCHEMA = "personnel-events.database.require-schema";

    private static final Map<String, DatabaseProblem.Kind> POSTGRES_STATES = Map.of(
            "28000", DatabaseProblem.Kind.REFUSED_CREDENTIALS,
            "28P01", DatabaseProblem.Kind.REFUSED_CREDENTIALS,
            "3D000", DatabaseProblem.Kind.NO_SUCH_DATABASE);

    /** H2: "Database ... not found, and IFEXISTS=true". */
    private static final int H2_DATABASE_NOT_FOUND = 90146;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null) {
            return;
        }
        check(
                url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"),
                Binder.get(environment)
                        .bind(
                                "spring.datasource.hikari.data-source-properties",
                                Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()),
                environment.getProperty(REQUIRE_SCHEMA, Boolean.class, false)
                        ? environment.getProperty("spring.flyway.table", "flyway_schema_history")
                        : null);
    }

    /** {@code schemaTable}: the Flyway history table that must exist; null when none is required. */
    static void check(
            String url, String user, String password, Map<String, String> driverProperties, String schemaTable) {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (schemaTable != null && !hasTable(connection, schemaTable)) {
                throw new DatabaseProblem(
                        DatabaseProblem.Kind.NOT_CREATED,
                        "The database at " + describe(url) + " holds no Personnel Events schema",
                        "Point spring.datasource.url at the service's database, or start the service once to set it up");
            }
        } catch (SQLException e) {
            throw problem(url, user, e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static DatabaseProblem problem(String url, String user, SQLException e) {
        String where = describe(url);
        if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
            return new DatabaseProblem(
                    DatabaseProblem.Kind.NO_SUCH_DATABASE,
                    "There is no database at " + where,
                    "Check spring.datasource.url; the service creates its embedded database on its first start");
        }
        DatabaseProblem.Kind kind = e.getSQLState() == null
                ? DatabaseProblem.Kind.UNREACHABLE
                : POSTGRES_STATES.getOrDefault(e.getSQLState(), DatabaseProblem.Kind.UNREACHABLE);
        // The driver's first line says what the server refused; it quotes names, never a password.
        String reason = firstLine(e.getMessage());
        return switch (kind) {
            case REFUSED_CREDENTIALS ->
                new DatabaseProblem(
                        kind,
                        "The database at " + where + " refused user '" + (user == null ? defaultUser(url) : user)
                                + "': " + reason,
                        user == null
                                ? "Set spring.datasource.username and spring.datasource.password "
                                        + "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)"
                                : "Check spring.datasource.username and spring.datasource.password "
                                        + "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)");
            case NO_SUCH_DATABASE ->
                new DatabaseProblem(
                        kind,
                        "The database server at " + where + " has no such database: " + reason,
                        "Create the database, or correct its name in spring.datasource.url (SPRING_DATASOURCE_URL)");
            default ->
                new DatabaseProblem(
                        kind,
                        "Cannot connect to the database at " + where + ": " + reason,
                        "Check that the database is running and that spring.datasource.url (SPRING_DATASOURCE_URL) "
                                + "points at it");
        };
    }

    /** The driver's user when none is configured: PostgreSQL takes the operating system's, H2 none. */
    private static String defaultUser(String url) {
        return url.startsWith("jdbc:postgresql:") ? System.getProperty("user.name") : "";
    }

    /** The URL without its settings and parameters, which can hold a password. */
    public static String describe(String url) {
        int cut = url.length();
        for (char separator : new char[] {';', '?'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.toLowerCase(Locale.ROOT).startsWith("fatal: ") ? line.substring(7) : line;
    }
}
