package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personnelevents.support.ApiIntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Several reads sent together: on PostgreSQL as one statement (one round trip), elsewhere one by one. */
class QueryBatchIT extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    /** The statements prepared through this data source: one per round trip. */
    private final AtomicInteger prepared = new AtomicInteger();

    private QueryBatch batch() {
        DataSource counting = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                prepared.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        return new QueryBatch(new JdbcTemplate(counting), Databases.isPostgres(dataSource));
    }

    @Test
    void each_read_gets_its_own_rows_in_one_round_trip_on_postgresql() {
        UUID nobody = UUID.randomUUID();
        String last = "Read " + nobody;
        givenIdentity("Batch", last);
        QueryBatch batch = batch();
        QueryBatch.Read<Long> identities =
                batch.add("SELECT COUNT(*) FROM identity WHERE id <> ?", (rs, n) -> rs.getLong(1), nobody);
        QueryBatch.Read<String> none =
                batch.add("SELECT first_name FROM identity WHERE id = ?", (rs, n) -> rs.getString(1), nobody);
        QueryBatch.Read<String> named = batch.add(
                "SELECT first_name FROM identity WHERE last_name = ? AND first_name = ? ORDER BY first_name",
                (rs, n) -> rs.getString(1),
                last,
                "Batch");

        batch.run();

        assertThat(identities.optional())
                .hasValueSatisfying(count -> assertThat(count)
                        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM identity")
                                .query(Long.class)
                                .single()));
        assertThat(none.list()).isEmpty();
        assertThat(none.optional()).isEmpty();
        assertThat(named.list()).containsOnly("Batch");
        assertThat(prepared.get()).isEqualTo(Databases.isPostgres(dataSource) ? 1 : 3);
    }

    @Test
    void a_read_with_named_parameters_binds_each_name_wherever_it_stands_beside_positional_reads() {
        String last = "Named " + UUID.randomUUID();
        givenIdentity("Ada", last);
        givenIdentity("Bea", last);
        QueryBatch batch = batch();
        QueryBatch.Read<String> before =
                batch.add("SELECT first_name FROM identity WHERE last_name = ?", (rs, n) -> rs.getString(1), last);
        QueryBatch.Read<String> named = batch.add(
                "SELECT first_name FROM identity WHERE last_name = :last AND (first_name = :first"
                        + " OR last_name <> :last) ORDER BY first_name",
                Map.of("last", last, "first", "Bea"),
                (rs, n) -> rs.getString(1));

        batch.run();

        assertThat(before.list()).containsExactlyInAnyOrder("Ada", "Bea");
        assertThat(named.list()).containsExactly("Bea");
        assertThat(prepared.get()).isEqualTo(Databases.isPostgres(dataSource) ? 1 : 2);
    }

    @Test
    void a_read_expected_to_find_one_row_that_finds_two_is_an_error() {
        String last = "Twice " + UUID.randomUUID();
        givenIdentity("Batch", last);
        givenIdentity("Batch", last);
        QueryBatch batch = batch();
        QueryBatch.Read<String> twice =
                batch.add("SELECT first_name FROM identity WHERE last_name = ?", (rs, n) -> rs.getString(1), last);
        batch.run();

        assertThat(twice.list()).hasSize(2);
        assertThatThrownBy(twice::optional).isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void a_read_has_no_rows_before_its_batch_has_run() {
        QueryBatch.Read<Long> read = batch().add("SELECT COUNT(*) FROM identity", (rs, n) -> rs.getLong(1));
        assertThatThrownBy(read::list).isInstanceOf(IllegalStateException.class);
    }
}
