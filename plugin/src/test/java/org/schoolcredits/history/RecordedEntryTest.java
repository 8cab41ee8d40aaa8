package org.schoolcredits.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.storage.Jdbc;

class RecordedEntryTest {

    final TestDatabase db = TestDatabase.create();
    final Jdbc jdbc = db.jdbc();
    final EntityManager em = db.entityManager();
    final TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
    final Ledger ledger = new Ledger(jdbc, clock, "http://localhost:8080");
    final Actor staff = new Actor("staff@oakwood", "Sam Oak");
    Hold hold;

    @BeforeEach
    void oneHold() {
        db.run(() -> ledger.provision("oakwood"));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "card", Credits.of(50),
                null, false, staff)));
        hold = db.tx(() -> ledger.reserve("oakwood", Feature.SMS, 1, Credits.of(1), 1, "sms-1",
                clock.now().plus(Duration.ofMinutes(15)), staff));
    }

    @Test
    @DisplayName("entries read through JPA show what the ledger's SQL wrote")
    void readsWhatTheLedgerWrote() {
        List<RecordedEntry> entries = em.createQuery("select e from RecordedEntry e where e.schoolId = :school"
                + " order by e.id", RecordedEntry.class).setParameter("school", "oakwood").getResultList();
        assertEquals(List.of("purchase", "usage"), entries.stream().map(RecordedEntry::kind).toList());
        assertEquals(hold.id(), entries.get(1).holdId());
        assertEquals(-1000, entries.get(1).amount());
        assertEquals(clock.now(), entries.get(1).at());
    }

    @Test
    @DisplayName("a change to a read entry, or a persisted new one, writes nothing: the ledger's SQL stays the only writer")
    void writesNothing() throws Exception {
        long usage = jdbc.one("select entry_id from entry where kind = 'usage'", rs -> rs.getLong(1)).orElseThrow();
        db.run(() -> {
            RecordedEntry read = em.find(RecordedEntry.class, usage);
            set(read, "amount", 1L);
            set(read, "status", "success");
            em.merge(read);
        });
        assertEquals(-1000L, jdbc.one("select amount from entry where entry_id = ?", rs -> rs.getLong(1), usage)
                .orElseThrow());
        RecordedEntry entry = new RecordedEntry();
        set(entry, "id", 999_999L);
        set(entry, "schoolId", "oakwood");
        db.run(() -> em.persist(entry));
        assertEquals(2L, jdbc.one("select count(*) from entry", rs -> rs.getLong(1)).orElseThrow());
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
