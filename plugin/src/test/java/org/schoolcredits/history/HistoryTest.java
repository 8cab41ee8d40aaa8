package org.schoolcredits.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class HistoryTest {

    @Test
    @DisplayName("the feature filter takes any registered code and refuses an unknown one, naming the parameter")
    void featureFilter() {
        Features features = new Features(List.of(Feature.SMS, Feature.of("WHATSAPP", "WhatsApp message",
                CreditType.CONNECT, new java.math.BigDecimal("1.2"))));
        assertEquals("WHATSAPP", HistoryResource.query(features, null, "WHATSAPP", null, null, null, null, 50)
                .feature());
        CreditsException refused = assertThrows(CreditsException.class,
                () -> HistoryResource.query(features, null, "DVLA_BIKE_CHECK", null, null, null, null, 50));
        assertEquals(ProblemCode.INVALID_PARAMETER, refused.code());
        assertEquals("feature", refused.extensions().get("parameter"));
    }

    @Test
    @DisplayName("a page whose newest row has no feature (a purchase) is read, as is the statement's")
    void newestWithoutFeature() {
        TestDatabase db = TestDatabase.create();
        Ledger ledger = new Ledger(db.jdbc(), new TestClock(Instant.parse("2026-11-10T09:00:00Z")), "http://localhost:8080");
        db.run(() -> ledger.provision("oakwood"));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "card", Credits.of(50),
                null, false, new Actor("admin@oakwood", "Olivia Oak"))));
        List<HistoryRow> rows = new History(db.entityManager()).rows("oakwood",
                new HistoryQuery(null, null, null, null, null, null, 50));
        assertEquals(null, rows.get(0).feature());
        assertEquals(0, rows.get(0).amount().compareTo(java.math.BigDecimal.valueOf(50)));
        List<StatementRow> actions = new Statement(db.entityManager()).rows("oakwood",
                new HistoryQuery(null, null, null, null, null, null, 50));
        assertEquals(null, actions.get(0).feature());
    }

    @Test
    @DisplayName("a status filter lists exactly the rows shown with that status")
    void statusFilter() {
        TestDatabase db = TestDatabase.create();
        TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        Actor staff = new Actor("staff@oakwood", "Sam Oak");
        db.run(() -> ledger.provision("oakwood"));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "card", Credits.of(50),
                null, false, staff)));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "bacs", Credits.of(10),
                null, true, staff)));
        db.run(() -> ledger.settlePending("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "bacs", false, staff));
        Hold[] holds = new Hold[3];
        for (int i = 0; i < holds.length; i++) {
            String reference = "sms-" + i;
            holds[i] = db.tx(() -> ledger.reserve("oakwood", Feature.SMS, 1, Credits.of(1), 1, reference,
                    clock.now().plus(Duration.ofMinutes(15)), staff));
        }
        db.run(() -> ledger.capture("oakwood", holds[0].id()));
        db.run(() -> ledger.release("oakwood", holds[1].id(), staff));

        History history = new History(db.entityManager());
        List<HistoryRow> all = history.rows("oakwood", new HistoryQuery(null, null, null, null, null, null, 200));
        assertEquals(Set.of("success", "failed", "refunded", "pending"),
                all.stream().map(HistoryRow::status).collect(Collectors.toSet()));
        for (String status : List.of("success", "failed", "refunded", "pending")) {
            List<String> expected = all.stream().filter(row -> row.status().equals(status)).map(HistoryRow::id)
                    .toList();
            List<String> filtered = history.rows("oakwood", new HistoryQuery(null, null, status, null, null, null, 200))
                    .stream().map(HistoryRow::id).toList();
            assertEquals(expected, filtered, status);
        }
    }
}
