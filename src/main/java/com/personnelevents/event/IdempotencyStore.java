package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.toDb;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers given to creates that carried an {@code Idempotency-Key}, per token. */
@Repository
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredResponse> find(UUID tokenId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, location, response_body FROM idempotency_key
                         WHERE token_id = :tokenId AND idempotency_key = :key
                        """)
                .param("tokenId", tokenId)
                .param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Fails with a duplicate key when a concurrent request with the same key committed first. */
    void insert(UUID tokenId, String key, StoredResponse response, Instant now) {
        jdbc.sql("""
                        INSERT INTO idempotency_key (token_id, idempotency_key, request_hash, response_status,
                            location, response_body, created_at)
                        VALUES (:tokenId, :key, :hash, 201, :location, :body, :now)
                        """)
                .param("tokenId", tokenId)
                .param("key", key)
                .param("hash", response.requestHash())
                .param("location", response.location())
                .param("body", response.body())
                .param("now", toDb(now))
                .update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .param("cutoff", toDb(cutoff))
                .update();
    }

    record StoredResponse(String requestHash, String location, String body) {}
}
