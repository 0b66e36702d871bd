package com.personnelevents.db;

import com.personnelevents.web.PageResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conditions of a list query and their parameters, and the one shape every list takes: a page of
 * {@link PageResponse#PAGE_SIZE} rows in a stable order, and the count of all rows. Conditions are SQL
 * written in code; only parameters carry what a caller sent.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} binding {@code :name} to {@code value}, unless the value is null (no filter). */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition without parameters, or whose parameters come with {@link #param}. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** {@code " WHERE a AND b"}, or nothing without conditions. */
    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * One page: {@code select} (up to the FROM and its joins) with these conditions, ordered by {@code
     * orderBy}, which must end in a unique column so that pages neither repeat nor skip a row.
     */
    public <T> List<T> page(JdbcClient jdbc, String select, String orderBy, long offset, RowMapper<T> rows) {
        return jdbc.sql(select + clause() + " ORDER BY " + orderBy + " LIMIT " + PageResponse.PAGE_SIZE
                        + " OFFSET :offset")
                .params(params)
                .param("offset", offset)
                .query(rows)
                .list();
    }

    /** How many rows of {@code from} (a table and its joins) the conditions match. */
    public long count(JdbcClient jdbc, String from) {
        return jdbc.sql("SELECT COUNT(*) FROM " + from + clause())
                .params(params)
                .query(Long.class)
                .single();
    }
}
