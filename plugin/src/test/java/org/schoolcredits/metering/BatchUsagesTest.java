package org.schoolcredits.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.Metering;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Requests;
import org.schoolcredits.storage.ConnectionSource;
import org.schoolcredits.storage.Jdbc;

class BatchUsagesTest {

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    PriceList prices;
    MeteringService metering;
    BatchUsages batches;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        prices = new PriceList(db.entityManager(), clock);
        db.run(() -> prices.seedDefaults(TestConfig.empty()));
        metering = new MeteringService(ledger, prices, clock, Duration.ofMinutes(15));
        batches = new BatchUsages(metering, ledger, prices, clock, db.jdbc());
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(10), "top-up", Actor.SYSTEM);
        });
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    private UsageBatch parse(String json) {
        return UsageBatch.of(Requests.read(UsageBatchRequest.class, json), prices.features());
    }

    private static String sms(int count, String prefix, boolean atomic, String more) {
        return "{\"atomic\":" + atomic + more + ",\"items\":[" + IntStream.range(0, count)
                .mapToObj(i -> "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"" + prefix + i + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private Credits available() {
        return ledger.balance("oakwood", CreditType.CONNECT).available();
    }

    private Credits held() {
        return ledger.balance("oakwood", CreditType.CONNECT).held();
    }

    @Test
    @DisplayName("a one-call charge reserves and captures at once: the credits are spent and the usage cannot be released")
    void oneCallCharge() {
        Metering.Reservation charged = db.tx(() -> metering.charge(MeteringServiceTest.STAFF, Feature.SMS, 2, "c-1"));
        assertEquals(new BigDecimal("1.2"), charged.amount());
        assertEquals(Credits.of(new BigDecimal("8.8")), available());
        assertEquals(Credits.ZERO, held());
        assertEquals(Hold.State.CAPTURED,
                ledger.findHold("oakwood", UUID.fromString(charged.id())).orElseThrow().state());
        CreditsException again = assertThrows(CreditsException.class,
                () -> db.run(() -> metering.release(MeteringServiceTest.STAFF, charged.id())));
        assertEquals(ProblemCode.HOLD_ALREADY_CAPTURED, again.code());
    }

    @Test
    @DisplayName("a one-call charge the balance cannot cover spends nothing")
    void oneCallChargeRefused() {
        assertThrows(InsufficientCreditsException.class,
                () -> db.tx(() -> metering.charge(MeteringServiceTest.STAFF, Feature.DVLA_LICENCE_CHECK, 2, "c-2")));
        assertEquals(Credits.of(10), available());
    }

    @Test
    @DisplayName("an atomic batch the balance cannot cover holds nothing and says what the whole batch needs")
    void atomicBatchIsAllOrNothing() {
        UsageBatch batch = parse(sms(20, "a-", true, ""));
        InsufficientCreditsException refused = assertThrows(InsufficientCreditsException.class,
                () -> db.tx(() -> batches.charge(MeteringServiceTest.STAFF, batch)));
        assertEquals(new BigDecimal("12"), refused.required());
        assertEquals(new BigDecimal("10"), refused.available());
        assertEquals(Credits.of(10), available());
        assertEquals(Credits.ZERO, held());
        UsageBatch.Answer fits = db.tx(() -> batches.charge(MeteringServiceTest.STAFF, parse(sms(16, "b-", true, ""))));
        assertEquals(16, fits.held());
        assertEquals(Credits.of(new BigDecimal("9.6")), held());
    }

    @Test
    @DisplayName("a non-atomic batch holds each item that fits, in order, and refuses the others one by one")
    void nonAtomicBatchDecidesEachItem() {
        String json = "{\"atomic\":false,\"items\":[{\"feature\":\"DVLA_LICENCE_CHECK\",\"quantity\":1,\"reference\":\"d-1\"},"
                + "{\"feature\":\"DVLA_LICENCE_CHECK\",\"quantity\":1,\"reference\":\"d-2\"},"
                + "{\"feature\":\"SMS\",\"quantity\":3,\"reference\":\"s-1\"},{\"feature\":\"SMS\",\"quantity\":1}]}";
        UsageBatch.Answer answer = db.tx(() -> batches.charge(MeteringServiceTest.STAFF, parse(json)));
        assertEquals(List.of("held", "insufficient_credits", "held", "insufficient_credits"),
                answer.items().stream().map(UsageBatch.Outcome::status).toList());
        assertEquals(2, answer.held());
        assertEquals(2, answer.refused());
        assertNull(answer.items().get(1).id());
        assertEquals(new BigDecimal("8"), answer.items().get(1).amount());
        assertEquals(Credits.of(new BigDecimal("9.8")), held());
        assertEquals(Credits.of(new BigDecimal("0.2")), available());
    }

    @Test
    @DisplayName("a batch with capture charges every item at once, nothing left held")
    void batchCapture() {
        UsageBatch.Answer answer = db.tx(() -> batches.charge(MeteringServiceTest.STAFF,
                parse(sms(5, "c-", true, ",\"capture\":true"))));
        assertTrue(answer.items().stream().allMatch(o -> "captured".equals(o.status()) && o.expiresAt() == null));
        assertEquals(Credits.ZERO, held());
        assertEquals(Credits.of(7), available());
    }

    @Test
    @DisplayName("a reference charged before refuses the whole atomic batch with 409, and only its own item otherwise")
    void referenceChargedBefore() {
        db.tx(() -> metering.reserve(MeteringServiceTest.STAFF, Feature.SMS, 1, "r-1"));
        CreditsException refused = assertThrows(CreditsException.class,
                () -> db.tx(() -> batches.charge(MeteringServiceTest.STAFF, parse(sms(3, "r-", true, "")))));
        assertEquals(ProblemCode.REFERENCE_ALREADY_USED, refused.code());
        assertEquals(Credits.of(new BigDecimal("0.6")), held());
        UsageBatch.Answer answer = db.tx(() -> batches.charge(MeteringServiceTest.STAFF, parse(sms(3, "r-", false, ""))));
        assertEquals(List.of("held", "reference_already_used", "held"),
                answer.items().stream().map(UsageBatch.Outcome::status).toList());
        assertEquals(Credits.of(new BigDecimal("1.8")), held());
    }

    @Test
    @DisplayName("a non-atomic batch counts lots past their expiry out before deciding, so the ledger never refuses an item")
    void expiredLotsAreCountedOut() {
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.TRIAL, "trial-1", Credits.of(5),
                clock.now().plus(Duration.ofDays(1)), false, Actor.SYSTEM)));
        clock.advance(Duration.ofDays(2));
        UsageBatch.Answer answer = db.tx(() -> batches.charge(MeteringServiceTest.STAFF, parse(sms(20, "e-", false, ""))));
        assertEquals(16, answer.held());
        assertEquals(4, answer.refused());
        assertEquals(Credits.of(new BigDecimal("0.4")), available());
    }

    @Test
    @DisplayName("a batch over 500 items, or with no items, is a 400 naming items")
    void batchSizeIsBounded() {
        CreditsException tooMany = assertThrows(CreditsException.class, () -> parse(sms(501, "x-", true, "")));
        assertEquals(ProblemCode.INVALID_FIELD, tooMany.code());
        assertEquals("items", tooMany.extensions().get("field"));
        assertEquals(500, parse(sms(500, "x-", true, "")).items().size());
        CreditsException none = assertThrows(CreditsException.class, () -> parse("{\"atomic\":true,\"items\":[]}"));
        assertEquals("items", none.extensions().get("field"));
    }

    @Test
    @DisplayName("a bad item is a 400 naming it by its place: its quantity, an unknown field, a repeated reference")
    void badItemIsNamed() {
        String items = "{\"feature\":\"SMS\",\"quantity\":1},{\"feature\":\"SMS\",\"quantity\":1},"
                + "{\"feature\":\"SMS\",\"quantity\":1},";
        CreditsException quantity = assertThrows(CreditsException.class,
                () -> parse("{\"atomic\":true,\"items\":[" + items + "{\"feature\":\"SMS\",\"quantity\":0}]}"));
        assertEquals("items[3].quantity", quantity.extensions().get("field"));
        CreditsException unknown = assertThrows(CreditsException.class,
                () -> parse("{\"atomic\":true,\"items\":[" + items + "{\"feature\":\"SMS\",\"quantity\":1,\"cost\":0}]}"));
        assertEquals(ProblemCode.UNKNOWN_FIELD, unknown.code());
        assertEquals("items[3].cost", unknown.extensions().get("field"));
        CreditsException repeated = assertThrows(CreditsException.class, () -> parse("{\"atomic\":false,\"items\":["
                + "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"m\"},{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"m\"}]}"));
        assertEquals("items[1].reference", repeated.extensions().get("field"));
        CreditsException learner = assertThrows(CreditsException.class, () -> parse("{\"atomic\":false,\"items\":["
                + "{\"feature\":\"LEARNER_REGISTRATION\",\"quantity\":1}]}"));
        assertEquals("items[0].feature", learner.extensions().get("field"));
        CreditsException atomic = assertThrows(CreditsException.class, () -> parse("{\"items\":[{\"feature\":\"SMS\",\"quantity\":1}]}"));
        assertEquals("atomic", atomic.extensions().get("field"));
    }

    /** The statements JDBC prepares on the test database, counted. */
    static final class CountingSource extends ConnectionSource {
        final AtomicInteger prepared = new AtomicInteger();
        private final DataSource target;

        CountingSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = target.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")) {
                            prepared.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    @DisplayName("a batch of 100 captured SMS takes no more statements than a batch of one: none per usage")
    void statementsDoNotGrowWithTheBatch() {
        CountingSource counted = new CountingSource(db);
        Jdbc jdbc = new Jdbc(counted);
        Ledger counting = new Ledger(jdbc, clock, "http://localhost:8080");
        BatchUsages countingBatches = new BatchUsages(new MeteringService(counting, prices, clock, Duration.ofMinutes(15)),
                counting, prices, clock, jdbc);
        db.run(() -> ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(100), "top-up", Actor.SYSTEM));
        UsageBatch one = parse(sms(1, "one-", true, ",\"capture\":true"));
        UsageBatch hundred = parse(sms(100, "hundred-", true, ",\"capture\":true"));
        db.run(() -> countingBatches.charge(MeteringServiceTest.STAFF, one));
        int forOne = counted.prepared.getAndSet(0);
        UsageBatch.Answer answer = db.tx(() -> countingBatches.charge(MeteringServiceTest.STAFF, hundred));
        assertEquals(100, answer.held());
        assertTrue(counted.prepared.get() <= forOne,
                () -> "statements for 100 usages: " + counted.prepared.get() + ", for one: " + forOne);
        assertEquals(Credits.of(new BigDecimal("49.4")), available());
        assertEquals(Credits.ZERO, held());
    }
}
