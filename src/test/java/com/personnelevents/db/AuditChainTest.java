package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final UUID EVENT = UUID.fromString("6f1c2a9e-3b4d-4c8e-9f0a-1b2c3d4e5f60");
    private static final Instant AT = Instant.parse("2026-03-20T12:00:00.123456Z");
    private static final String START = AuditChain.start(EVENT, "event_activity");

    /**
     * The stored chains depend on the exact text hashed: these are SHA-256 of the canonical texts, computed
     * outside Java (Python's hashlib over {@code "5:start\\n8:activity\\n36:<id>\\n"}, then over the
     * length-prefixed fields of the entry). A change to the format must come with a migration of every stored
     * chain.
     */
    @Test
    void hashes_a_known_entry_to_the_known_answer() {
        UUID event = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");

        String start = AuditChain.start(event, "activity");
        String entry = AuditChain.next(
                start, event, Instant.parse("2026-03-20T12:00:00.123456789Z"), "HR Integration", "Created", null);

        assertThat(start).isEqualTo("a5f49426d9cabd8e359a5a8da7bc84e0778ffa391406f85f20d0892bb5505628");
        assertThat(entry).isEqualTo("6c5c7293e66459cfb05b213d7012889589d7aa2eb5c532b6a42adb6081523c05");
    }

    @Test
    void every_field_and_the_entry_before_count_in_the_hash() {
        String hash = AuditChain.next(START, EVENT, AT, "Sarah Chen", "Approved", "Approved by Sarah Chen");

        List<String> changed = List.of(
                AuditChain.next(
                        AuditChain.start(EVENT, "event_comment"),
                        EVENT,
                        AT,
                        "Sarah Chen",
                        "Approved",
                        "Approved by Sarah Chen"),
                AuditChain.next(START, UUID.randomUUID(), AT, "Sarah Chen", "Approved", "Approved by Sarah Chen"),
                AuditChain.next(START, EVENT, AT.plusNanos(1_000), "Sarah Chen", "Approved", "Approved by Sarah Chen"),
                AuditChain.next(START, EVENT, AT, "Sarah Chan", "Approved", "Approved by Sarah Chen"),
                AuditChain.next(START, EVENT, AT, "Sarah Chen", "Rejected", "Approved by Sarah Chen"),
                AuditChain.next(START, EVENT, AT, "Sarah Chen", "Approved", "Approved by Sarah Chen."),
                AuditChain.next(START, EVENT, AT, "Sarah Chen", null, "Approved by Sarah Chen"));

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(changed).doesNotContain(hash).doesNotHaveDuplicates();
    }

    @Test
    void moving_text_from_one_field_to_the_next_changes_the_hash() {
        assertThat(AuditChain.next(START, EVENT, AT, "ab", "c", "d"))
                .isNotEqualTo(AuditChain.next(START, EVENT, AT, "a", "bc", "d"));
        assertThat(AuditChain.next(START, EVENT, AT, "a", "", "d"))
                .isNotEqualTo(AuditChain.next(START, EVENT, AT, "a", null, "d"));
    }

    @Test
    void time_counts_to_the_microsecond_the_database_keeps() {
        assertThat(AuditChain.next(START, EVENT, AT.plusNanos(999), "a", "b", "c"))
                .isEqualTo(AuditChain.next(START, EVENT, AT, "a", "b", "c"));
    }

    @Test
    void the_same_entry_always_hashes_the_same() {
        assertThat(AuditChain.next(START, EVENT, AT, "System", "Scheduled step", "Approval started"))
                .isEqualTo(AuditChain.next(START, EVENT, AT, "System", "Scheduled step", "Approval started"));
    }

    @Test
    void a_walk_follows_the_hash_passed_and_starts_afresh_for_each_event() {
        UUID other = UUID.randomUUID();
        AuditChain.Walk walk = new AuditChain.Walk("event_activity");

        String first = walk.expected(EVENT, AT, "a", "Created", "c");
        walk.passed("f".repeat(64));
        String second = walk.expected(EVENT, AT, "a", "Approved", "c");
        walk.passed(second);
        String otherFirst = walk.expected(other, AT, "a", "Created", "c");

        assertThat(first).isEqualTo(AuditChain.next(START, EVENT, AT, "a", "Created", "c"));
        assertThat(second).isEqualTo(AuditChain.next("f".repeat(64), EVENT, AT, "a", "Approved", "c"));
        assertThat(otherFirst)
                .isEqualTo(AuditChain.next(AuditChain.start(other, "event_activity"), other, AT, "a", "Created", "c"));
    }
}
