package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.storage.Jdbc;

class RecordedViewsTest {

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
    @DisplayName("entries and holds read through JPA show what the ledger's SQL wrote")
    void readsWhatTheLedgerWrote() {
        List<RecordedEntry> entries = em.createQuery("select e from RecordedEntry e where e.schoolId = :school"
                + " order by e.id", RecordedEntry.class).setParameter("school", "oakwood").getResultList();
        assertEquals(List.of("purchase", "usage"), entries.stream().map(RecordedEntry::kind).toList());
        assertEquals(hold.id(), entries.get(1).holdId());
        assertEquals(-1000, entries.get(1).amount());
        RecordedHold read = em.find(RecordedHold.class, hold.id());
        assertEquals("held", read.state());
        assertEquals(1000, read.amount());
        assertEquals(clock.now().plus(Duration.ofMinutes(15)), read.expiresAt());
    }

    @Test
    @DisplayName("a change to a read hold, or a persisted new one, writes nothing: the ledger's SQL stays the only writer")
    void writesNothing() throws Exception {
        db.run(() -> {
            RecordedHold read = em.find(RecordedHold.class, hold.id());
            set(read, "state", "released");
            set(read, "amount", 1L);
            em.merge(read);
        });
        assertEquals("held", state(hold.id()));
        UUID made = UUID.randomUUID();
        RecordedHold fresh = new RecordedHold();
        set(fresh, "id", made);
        set(fresh, "schoolId", "oakwood");
        set(fresh, "state", "held");
        db.run(() -> em.persist(fresh));
        assertEquals(1L, jdbc.one("select count(*) from hold", rs -> rs.getLong(1)).orElseThrow());
        RecordedEntry entry = new RecordedEntry();
        set(entry, "id", 999_999L);
        set(entry, "schoolId", "oakwood");
        db.run(() -> em.persist(entry));
        assertEquals(2L, jdbc.one("select count(*) from entry", rs -> rs.getLong(1)).orElseThrow());
    }

    private String state(UUID id) {
        return jdbc.one("select state from hold where hold_id = ?", rs -> rs.getString(1), id).orElseThrow();
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
