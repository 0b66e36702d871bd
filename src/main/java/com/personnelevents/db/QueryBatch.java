package com.personnelevents.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.util.ConcurrentLruCache;

/**
 * Several reads sent to the database together. On PostgreSQL they go as one multi-statement query, whose
 * statements the driver sends one after the other before a single Sync: one round trip and one implicit
 * transaction instead of one of each per read (an event's get read six tables in six round trips). H2's
 * driver returns one result per statement, so there the same statements run one after the other. Inside
 * a transaction the batch reads in it, like any statement.
 */
public final class QueryBatch {

    /**
     * The named statements parsed, by their text: kept as {@code NamedParameterJdbcTemplate} keeps them (its
     * cache, of its default size), where parsing every call was about 1% of the reads' samples.
     */
    private static final ConcurrentLruCache<String, ParsedSql> PARSED =
            new ConcurrentLruCache<>(256, NamedParameterUtils::parseSqlStatement);

    /** One read of the batch, with its rows once the batch has run. */
    public static final class Read<T> {

        private final String sql;
        private final Object[] args;
        private final RowMapper<T> rows;
        private List<T> result;

        private Read(String sql, Object[] args, RowMapper<T> rows) {
            this.sql = sql;
            this.args = args;
            this.rows = rows;
        }

        public List<T> list() {
            if (result == null) {
                throw new IllegalStateException("The batch has not run");
            }
            return result;
        }

        /** The row, if there is one; more than one is an error, as for a single-row query. */
        public Optional<T> optional() {
            return Optional.ofNullable(DataAccessUtils.singleResult(list()));
        }

        private void read(ResultSet rs) throws java.sql.SQLException {
            result = new RowMapperResultSetExtractor<>(rows).extractData(rs);
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final List<Read<?>> reads = new ArrayList<>();

    public QueryBatch(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** A read of the batch: one SELECT, its parameters as {@code ?}, in order. */
    public <T> Read<T> add(String sql, RowMapper<T> rows, Object... args) {
        Read<T> read = new Read<>(sql, args, rows);
        reads.add(read);
        return read;
    }

    /**
     * A read of the batch written with named parameters ({@code :name}, as {@link Where} builds them): turned
     * into {@code ?}s and their values by Spring's own {@link NamedParameterUtils}, as {@code JdbcClient} does.
     */
    public <T> Read<T> add(String sql, Map<String, ?> params, RowMapper<T> rows) {
        ParsedSql parsed = PARSED.get(sql);
        MapSqlParameterSource values = new MapSqlParameterSource(params);
        return add(
                NamedParameterUtils.substituteNamedParameters(parsed, values),
                rows,
                NamedParameterUtils.buildValueArray(parsed, values, null));
    }

    public void run() {
        if (!postgres) {
            reads.forEach(this::runAlone);
            return;
        }
        String sql = reads.stream().map(read -> read.sql).collect(Collectors.joining(";\n"));
        Object[] args = reads.stream().flatMap(read -> Stream.of(read.args)).toArray();
        jdbc.execute(sql, (PreparedStatement statement) -> {
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            boolean isResultSet = statement.execute();
            for (Read<?> read : reads) {
                if (!isResultSet) {
                    throw new IllegalStateException("A read of the batch returned no result set: " + read.sql);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    read.read(rs);
                }
                isResultSet = statement.getMoreResults();
            }
            return null;
        });
    }

    private <T> void runAlone(Read<T> read) {
        read.result = jdbc.query(read.sql, read.rows, read.args);
    }
}
