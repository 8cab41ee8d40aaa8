package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;

class IdempotencyKeysTest {

    TestDatabase db;
    TestClock clock;
    IdempotencyKeys keys;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        keys = new IdempotencyKeys(db.jdbc(), clock, Duration.ofHours(24));
    }

    private boolean claim(String key, String fingerprint) {
        return db.tx(() -> {
            boolean first = keys.claim("oakwood", key, fingerprint);
            if (first) {
                keys.answer("oakwood", key, 201, "{\"for\":\"" + fingerprint + "\"}");
            }
            return first;
        });
    }

    @Test
    @DisplayName("a key replays its first answer for 24 hours; used again after that, it is a new request, even with"
            + " another body")
    void keyExpiresAfterItsTime() {
        assertTrue(claim("k1", "first"));
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertFalse(claim("k1", "first"));
        assertFalse(claim("k1", "other"));
        assertEquals(new IdempotencyKeys.Stored("first", 201, "{\"for\":\"first\"}"), keys.stored("oakwood", "k1").orElseThrow());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(claim("k1", "other"), "expired: a new request");
        assertEquals(new IdempotencyKeys.Stored("other", 201, "{\"for\":\"other\"}"), keys.stored("oakwood", "k1").orElseThrow());
        clock.advance(Duration.ofHours(1));
        assertFalse(claim("k1", "other"), "the new use counts from its own time");
    }

    @Test
    @DisplayName("a claim committed without its answer (a request in steps) holds the key until it is given back,"
            + " or for 5 minutes after a crash")
    void claimInSteps() {
        assertTrue(keys.claim("oakwood", "k1", "first"), "claimed and committed, outside any transaction");
        assertFalse(keys.claim("oakwood", "k1", "first"));
        assertEquals(0, keys.stored("oakwood", "k1").orElseThrow().status(), "in progress");
        keys.release("oakwood", "k1");
        assertTrue(keys.claim("oakwood", "k1", "first"), "given back: the request may be tried again");
        clock.advance(IdempotencyKeys.ABANDONED.minusSeconds(1));
        assertFalse(keys.claim("oakwood", "k1", "first"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(keys.claim("oakwood", "k1", "first"), "left by a crash: given back");
        keys.answer("oakwood", "k1", 201, "{}");
        keys.release("oakwood", "k1");
        clock.advance(IdempotencyKeys.ABANDONED);
        assertFalse(keys.claim("oakwood", "k1", "first"), "an answered key is kept for its whole time");
    }

    @Test
    @DisplayName("the sweep deletes expired keys oldest first, at most a batch at a time, and keeps live ones")
    void sweepDeletesExpiredKeysInBatches() {
        for (int i = 0; i < 5; i++) {
            claim("old-" + i, "request");
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofHours(24));
        claim("live", "request");
        assertEquals(2, keys.expire(2));
        assertEquals(List.of("old-2", "old-3", "old-4", "live"), remaining());
        assertEquals(3, keys.expire(10));
        assertEquals(0, keys.expire(10));
        assertEquals(List.of("live"), remaining());
    }

    private List<String> remaining() {
        return db.jdbc().list("select key from idempotency_key order by created_at", rs -> rs.getString(1));
    }
}
