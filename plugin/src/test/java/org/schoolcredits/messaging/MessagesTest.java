package org.schoolcredits.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.history.History;
import org.schoolcredits.history.HistoryQuery;
import org.schoolcredits.history.HistoryRow;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.MessageCredits.Charges;
import org.schoolcredits.host.MessageOutcome;
import org.schoolcredits.host.MessageOutcome.Delivery;
import org.schoolcredits.host.MessageSending;
import org.schoolcredits.host.MessageSending.Message;
import org.schoolcredits.host.SchoolNotEnabledException;
import org.schoolcredits.host.UnknownMessageException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.metering.MeteringService;

class MessagesTest {

    static final Caller STAFF = new Caller("oakwood", "staff@oakwood", "Sam Oak", Set.of("credits.use"));

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    MeteringService metering;
    Messages messages;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        PriceList prices = new PriceList(db.entityManager(), clock);
        db.run(() -> prices.seedDefaults(TestConfig.empty()));
        metering = new MeteringService(ledger, prices, clock, Duration.ofMinutes(15));
        messages = new Messages(db.jdbc(), ledger, metering);
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(3), "top-up", Actor.SYSTEM);
        });
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    @Test
    @DisplayName("a send holds every part of every message at the price in force")
    void holdsEveryPart() {
        db.run(() -> messages.hold(new MessageSending("oakwood", "SMS", "send-1",
                List.of(new Message("07700900001", 2), new Message("07700900002", 1)), STAFF)));
        assertEquals(new Charges(3, new BigDecimal("1.8"), 0, new BigDecimal("0"), 0, new BigDecimal("0")),
                messages.charges("oakwood", "SMS", "send-1"));
        assertEquals(new Balance(Credits.of(new BigDecimal("1.2")), Credits.of(new BigDecimal("1.8")), Credits.ZERO),
                ledger.balance("oakwood", CreditType.CONNECT));
    }

    @Test
    @DisplayName("a bulk send the balance cannot cover is vetoed whole and holds nothing")
    void vetoHoldsNothing() {
        List<String> six = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        InsufficientCreditsException veto = assertThrows(InsufficientCreditsException.class,
                () -> db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", "bulk", six))));
        assertEquals(new BigDecimal("3.6"), veto.required());
        assertEquals(new BigDecimal("3"), veto.available());
        assertEquals(Credits.of(3), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(Credits.ZERO, ledger.balance("oakwood", CreditType.CONNECT).held());
        assertThrows(UnknownMessageException.class, () -> messages.charges("oakwood", "SMS", "bulk"));
    }

    @Test
    @DisplayName("a partly failed send charges the parts that went and refunds exactly the parts that failed")
    void partialFailureRefundsTheFailedParts() {
        db.run(() -> messages.hold(new MessageSending("oakwood", "SMS", "send-2",
                List.of(new Message("ann", 3), new Message("bob", 1), new Message("cat", 1)), STAFF)));
        db.run(() -> messages.settle(new MessageOutcome("oakwood", "SMS", "send-2",
                List.of(new Delivery("ann", 1), Delivery.failed("bob"), Delivery.sent("cat")))));
        assertEquals(new Charges(0, new BigDecimal("0"), 3, new BigDecimal("1.8"), 2, new BigDecimal("1.2")),
                messages.charges("oakwood", "SMS", "send-2"));
        assertEquals(new Balance(Credits.of(new BigDecimal("1.2")), Credits.ZERO, Credits.ZERO),
                ledger.balance("oakwood", CreditType.CONNECT));
        List<HistoryRow> rows = new History(db.entityManager()).rows("oakwood",
                new HistoryQuery(null, "SMS", "refunded", null, null, null, 50));
        assertEquals(List.of("send-2:4", "send-2:3"), rows.stream().map(HistoryRow::reference).toList(),
                "bob's one part and the last of ann's three");
    }

    @Test
    @DisplayName("an outcome fired twice settles once, and outcomes per message settle only their message")
    void outcomeTwiceSettlesOnce() {
        db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", "send-3", List.of("ann", "bob"))));
        MessageOutcome annFailed = new MessageOutcome("oakwood", "SMS", "send-3", List.of(Delivery.failed("ann")));
        db.run(() -> messages.settle(annFailed));
        db.run(() -> messages.settle(annFailed));
        db.run(() -> messages.settle(new MessageOutcome("oakwood", "SMS", "send-3", List.of(Delivery.sent("ann")))));
        assertEquals(new Charges(1, new BigDecimal("0.6"), 0, new BigDecimal("0"), 1, new BigDecimal("0.6")),
                messages.charges("oakwood", "SMS", "send-3"));
        db.run(() -> messages.settle(new MessageOutcome("oakwood", "SMS", "send-3", List.of(Delivery.sent("bob")))));
        assertEquals(new Charges(0, new BigDecimal("0"), 1, new BigDecimal("0.6"), 1, new BigDecimal("0.6")),
                messages.charges("oakwood", "SMS", "send-3"));
        assertEquals(Credits.of(new BigDecimal("2.4")), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    @Test
    @DisplayName("an outcome for a send never announced, or a recipient not in it, is refused and settles nothing")
    void unknownReference() {
        db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", "send-4", List.of("ann"))));
        assertThrows(UnknownMessageException.class, () -> db.run(() -> messages.settle(
                new MessageOutcome("oakwood", "SMS", "nope", List.of(Delivery.sent("ann"))))));
        assertThrows(UnknownMessageException.class, () -> db.run(() -> messages.settle(
                new MessageOutcome("oakwood", "SMS", "send-4", List.of(Delivery.sent("ann"), Delivery.sent("zed"))))));
        assertThrows(UnknownMessageException.class, () -> db.run(() -> messages.settle(
                new MessageOutcome("riverside", "SMS", "send-4", List.of(Delivery.sent("ann"))))));
        assertEquals(1, messages.charges("oakwood", "SMS", "send-4").partsHeld());
        assertThrows(IllegalArgumentException.class,
                () -> db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", "send-4", List.of("bob")))),
                "a reference is announced once");
        assertEquals(Credits.of(new BigDecimal("2.4")), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    @Test
    @DisplayName("a school that disabled the plugin is refused before anything is held")
    void disabledSchool() {
        db.run(() -> ledger.disable("oakwood"));
        assertThrows(SchoolNotEnabledException.class,
                () -> db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", "send-5", List.of("ann")))));
        assertEquals(Credits.ZERO, ledger.balance("oakwood", CreditType.CONNECT).held());
        assertThrows(UnknownMessageException.class, () -> messages.charges("oakwood", "SMS", "send-5"));
    }

    @Test
    @DisplayName("concurrent sends against a small balance never overspend it")
    void concurrentSendsNeverOverspend() throws Exception {
        int senders = 10;
        CyclicBarrier start = new CyclicBarrier(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String reference = "race-" + i;
            Callable<Boolean> send = () -> {
                start.await();
                try {
                    db.run(() -> messages.hold(MessageSending.of(STAFF, "SMS", reference, List.of("ann", "bob"))));
                    return true;
                } catch (InsufficientCreditsException e) {
                    return false;
                }
            };
            results.add(pool.submit(send));
        }
        int held = 0;
        for (Future<Boolean> result : results) {
            held += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, held, "3 credits pay for 2 sends of 2 parts at 0.6");
        Balance balance = ledger.balance("oakwood", CreditType.CONNECT);
        assertEquals(Credits.of(new BigDecimal("0.6")), balance.available());
        assertEquals(Credits.of(new BigDecimal("2.4")), balance.held());
    }
}
