package org.schoolcredits.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.SchoolEnabled;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.ledger.Wallets;

class StatementTest {

    final TestDatabase db = TestDatabase.create();
    final TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
    final Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
    final Actor staff = new Actor("staff@oakwood", "Sam Oak");
    final Statement statement = new Statement(db.entityManager());

    List<StatementRow> all() {
        return statement.rows("oakwood", new HistoryQuery(null, null, null, null, null, null, 200));
    }

    Hold hold(Feature feature, String reference, long millis) {
        clock.advance(Duration.ofMinutes(1));
        return db.tx(() -> ledger.reserve("oakwood", feature, 1, new Credits(millis), 1, reference,
                clock.now().plus(Duration.ofMinutes(15)), staff));
    }

    @Test
    @DisplayName("a bulk SMS is one row: its recipients counted, the failed one refunded, the net charged")
    void smsBatchIsOneRow() {
        db.run(() -> new Wallets(ledger).enabled(new SchoolEnabled("oakwood")));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "card-1", Credits.of(50),
                null, false, staff)));
        Hold[] sms = {hold(Feature.SMS, "sms:b1:0", 600), hold(Feature.SMS, "sms:b1:1", 600),
            hold(Feature.SMS, "sms:b1:2", 600)};
        db.run(() -> ledger.capture("oakwood", sms[0].id()));
        db.run(() -> ledger.release("oakwood", sms[1].id(), staff));
        db.run(() -> ledger.capture("oakwood", sms[2].id()));
        Hold dvla = hold(Feature.DVLA_LICENCE_CHECK, "dvla:7f3k2q1a-0000", 8000);
        db.run(() -> ledger.release("oakwood", dvla.id(), staff));

        List<StatementRow> rows = all();
        assertEquals(List.of("usage", "usage", "purchase", "trial"), rows.stream().map(StatementRow::kind).toList());
        StatementRow check = rows.get(0);
        assertEquals("DVLA_LICENCE_CHECK", check.feature());
        assertEquals(1, check.count());
        assertEquals(1, check.failed());
        assertEquals(0, BigDecimal.ZERO.compareTo(check.amount()), "failed and refunded: nothing charged");
        assertEquals(0, new BigDecimal(8).compareTo(check.refunded()));
        assertEquals("U-7F3K2Q1A", check.reference());
        StatementRow batch = rows.get(1);
        assertEquals("SMS", batch.feature());
        assertEquals(3, batch.count());
        assertEquals(1, batch.failed());
        assertEquals(0, new BigDecimal("-1.2").compareTo(batch.amount()));
        assertEquals(0, new BigDecimal("0.6").compareTo(batch.refunded()));
        assertEquals("Sam Oak", batch.initiatedBy());
        assertEquals(0, new BigDecimal(50).compareTo(rows.get(2).amount()));
        assertEquals(0, BigDecimal.ONE.compareTo(rows.get(3).amount()));
        assertNull(rows.get(3).reference());
    }

    @Test
    @DisplayName("a short reference is the first 8 characters of the action's own id, whatever words stand before it")
    void shortReferences() {
        assertEquals("U-3E8BE0C1", Statement.shortReference("usage", "hold:SMS:sms-3e8be0c1-7a2b-4c1d-9e0f-1a2b3c4d5e6f",
                null));
        assertEquals("U-3E8BE0C1", Statement.shortReference("usage", "hold:SMS:sms:3e8be0c1-7a2b", null));
        assertEquals("U-3E8BE0C1", Statement.shortReference("usage",
                "hold:DVLA_LICENCE_CHECK:dvla:3e8be0c1-7a2b-4c1d", null));
        assertEquals("P-7F3K2Q1A", Statement.shortReference("purchase", null, "7f3k2q1a-0000"));
    }

    @Test
    @DisplayName("a pending purchase is not in the statement, a failed one never, a cleared one once")
    void onlyPaidPurchases() {
        db.run(() -> ledger.provision("oakwood"));
        for (String reference : List.of("bacs-paid", "bacs-failed", "bacs-waiting")) {
            db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, reference,
                    Credits.of(10), null, true, staff)));
        }
        db.run(() -> ledger.settlePending("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "bacs-paid", true, staff));
        db.run(() -> ledger.settlePending("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "bacs-failed", false,
                staff));

        List<StatementRow> rows = all();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("purchase", rows.get(0).kind());
        assertEquals(0, new BigDecimal(10).compareTo(rows.get(0).amount()));
    }

    @Test
    @DisplayName("the statement pages newest first by a cursor, with no row twice")
    void pages() {
        db.run(() -> ledger.provision("oakwood"));
        for (int i = 0; i < 5; i++) {
            String reference = "adjustment-" + i;
            db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, reference,
                    Credits.of(1), null, false, staff)));
        }
        List<StatementRow> first = statement.rows("oakwood", new HistoryQuery(null, null, null, null, null, null, 3));
        List<StatementRow> second = statement.rows("oakwood", new HistoryQuery(null, null, null, null, null,
                Long.parseLong(first.get(2).id()), 3));
        assertEquals(3, first.size());
        assertEquals(2, second.size());
        assertEquals(all().stream().map(StatementRow::id).toList(),
                java.util.stream.Stream.concat(first.stream(), second.stream()).map(StatementRow::id).toList());
    }
}
