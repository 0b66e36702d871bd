package com.personnelevents.audit;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.AuditChain;
import com.personnelevents.db.Where;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative trail: every change to the settings, roles, rules, access models, applications,
 * responsibilities and tokens, and every sign-in, failed sign-in and sign-out: who
 * made it and what it was, chained as the events' trails are ({@link AuditChain}) with its head kept in
 * one row. An entry is written in the transaction of the change it records: both are kept, or neither.
 */
@Service
public class AdminTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a change. The head row is locked until the change's transaction ends, so entries follow one
     * another in one line however many instances write.
     */
    @Transactional
    public void record(String author, String action, String subject, String content) {
        record(new Actor(Actor.Kind.SYSTEM, null, author), action, subject, content);
    }

    /** Records a change by a person (named, with their identity) or a token (named). */
    @Transactional
    public void record(Actor author, String action, String subject, String content) {
        String head = jdbc.sql("SELECT hash FROM admin_activity_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> Optional.ofNullable(rs.getString("hash")))
                .single()
                .orElse(null);
        Instant at = clock.instant().truncatedTo(AuditChain.PRECISION);
        String hash = AuditChain.nextAdmin(
                head == null ? AuditChain.startAdmin() : head,
                at,
                author.name(),
                author.personId(),
                action,
                subject,
                content);
        jdbc.sql("""
                        INSERT INTO admin_activity (created_date, author, author_id, action, subject, content, hash)
                        VALUES (:at, :author, :authorId, :action, :subject, :content, :hash)
                        """)
                .param("at", toDb(at))
                .param("author", author.name())
                .param("authorId", author.personId())
                .param("action", action)
                .param("subject", subject)
                .param("content", content)
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE admin_activity_head SET hash = :hash WHERE id = 1")
                .param("hash", hash)
                .update();
    }

    /** Newest first, 50 a page. */
    @Transactional(readOnly = true)
    public PageResponse<AdminActivity> page(int page) {
        long offset = PageResponse.offset(page);
        Where all = new Where();
        return PageResponse.of(
                all.page(
                        jdbc,
                        "SELECT * FROM admin_activity",
                        "id DESC",
                        offset,
                        (rs, n) -> new AdminActivity(
                                rs.getLong("id"),
                                instant(rs, "created_date"),
                                rs.getString("author"),
                                uuid(rs, "author_id"),
                                rs.getString("action"),
                                rs.getString("subject"),
                                rs.getString("content"))),
                all.count(jdbc, "admin_activity"),
                page);
    }

    /**
     * Recomputes every hash, oldest first, and compares the last with the kept head; each problem goes to
     * {@code problems} (the entry's id, or null, and what is wrong). Returns how many entries there are.
     */
    @Transactional(readOnly = true)
    public long verify(BiConsumer<Long, String> problems) {
        String[] previous = {AuditChain.startAdmin()};
        long[] count = {0};
        Long[] lastId = {null};
        jdbc.sql("SELECT * FROM admin_activity ORDER BY id").query((RowCallbackHandler) rs -> {
            count[0]++;
            String expected = AuditChain.nextAdmin(
                    previous[0],
                    instant(rs, "created_date"),
                    rs.getString("author"),
                    uuid(rs, "author_id"),
                    rs.getString("action"),
                    rs.getString("subject"),
                    rs.getString("content"));
            String stored = rs.getString("hash");
            if (!expected.equals(stored)) {
                problems.accept(
                        rs.getLong("id"),
                        "The entry's hash does not match: it was changed, or an entry before it was removed or"
                                + " inserted");
            }
            previous[0] = stored;
            lastId[0] = rs.getLong("id");
        });
        String head = jdbc.sql("SELECT hash FROM admin_activity_head WHERE id = 1")
                .query((rs, n) -> Optional.ofNullable(rs.getString("hash")))
                .single()
                .orElse(null);
        String last = count[0] == 0 ? null : previous[0];
        if (!Objects.equals(last, head)) {
            problems.accept(
                    lastId[0],
                    "The administrative trail does not end where its head says: entries were removed from its"
                            + " end, or the head was changed");
        }
        return count[0];
    }
}
