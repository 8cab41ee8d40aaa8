package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * {@link Ledger#reserveAll} writes one school's usages in one statement; {@link Ledger#reserve}
 * (and {@link Ledger#capture}) one by one is the rule it must follow. The same input through both,
 * each on a database of its own, must leave the same rows and tell the same balance changes.
 */
class BulkSpendTest {

    static final String SCHOOL = "riverside";
    static final Actor STAFF = new Actor("staff@riverside", "Rita River");
    static final Instant START = Instant.parse("2026-11-10T09:00:00Z");
    static final Credits SMS = Credits.of(new BigDecimal("0.6"));

    /** One ledger on a database of its own, set up as a Pro school with expiring allowance lots. */
    private static final class World {
        final TestDatabase db = TestDatabase.create();
        final TestClock clock = new TestClock(START);
        final List<BalanceChanged> changes = new ArrayList<>();
        final Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080", changes::add);

        World() {
            db.run(() -> {
                ledger.provision(SCHOOL);
                grant(LotSource.ALLOWANCE, "2026-10", Credits.of(1), Duration.ofDays(1));
                grant(LotSource.ALLOWANCE, "2026-11", Credits.of(5), Duration.ofDays(20));
                grant(LotSource.ALLOWANCE, "bonus", Credits.of(new BigDecimal("2.5")), Duration.ofDays(10));
                grant(LotSource.ADJUSTMENT, "top-up", Credits.of(50), null);
            });
            // the first allowance has expired but is not written off yet: the spend writes it off first
            clock.advance(Duration.ofDays(2));
            changes.clear();
        }

        private void grant(LotSource source, String reference, Credits amount, Duration expiresIn) {
            ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, source, reference, amount,
                    expiresIn == null ? null : clock.now().plus(expiresIn), false, Actor.SYSTEM));
        }

        Operation.Reserve usage(Feature feature, long quantity, Credits price, String reference, boolean capture) {
            return new Operation.Reserve(SCHOOL, feature, quantity, price, 1, reference,
                    clock.now().plus(Duration.ofMinutes(15)), STAFF, capture);
        }

        void oneByOne(List<Operation.Reserve> usages) {
            db.run(() -> usages.forEach(u -> {
                Hold hold = ledger.reserve(u.schoolId(), u.feature(), u.quantity(), u.unitPrice(), u.priceVersion(),
                        u.reference(), u.expiresAt(), u.by());
                if (u.capture()) {
                    ledger.capture(u.schoolId(), hold.id());
                }
            }));
        }

        /** Every row the spends wrote or changed, hold ids replaced by the holds' order. */
        List<String> rows() {
            Map<String, String> holds = new HashMap<>();
            db.jdbc().list("select hold_id from entry where kind = 'usage' order by entry_id",
                    rs -> holds.put(rs.getString(1), "hold#" + holds.size()));
            Function<ResultSet, String> row = rs -> line(rs, holds);
            List<String> rows = new ArrayList<>();
            rows.addAll(db.jdbc().list("select * from balance order by credit_type", row::apply));
            rows.addAll(db.jdbc().list("select * from lot order by lot_id", row::apply));
            rows.addAll(db.jdbc().list("select * from entry order by entry_id", row::apply));
            List<String> held = new ArrayList<>(db.jdbc().list("select * from hold", row::apply));
            held.addAll(db.jdbc().list("select * from hold_lot", row::apply));
            held.sort(null);
            rows.addAll(held);
            changes.forEach(change -> rows.add(change.toString()));
            return rows;
        }

        private static String line(ResultSet rs, Map<String, String> holds) {
            try {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder line = new StringBuilder(meta.getTableName(1)).append(':');
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rs.getString(i);
                    line.append(' ').append(meta.getColumnName(i)).append('=')
                            .append(holds.getOrDefault(value, value));
                }
                return line.toString();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** SMS, licence and bike checks: the expiring lots (2.5, then 5) run out inside the 5th SMS and the licence check. */
    private static List<Operation.Reserve> usages(World world, String prefix, boolean capture) {
        List<Operation.Reserve> usages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            usages.add(world.usage(Feature.SMS, 1, SMS, prefix + "sms-" + i, capture));
        }
        usages.add(world.usage(Feature.DVLA_LICENCE_CHECK, 1, Credits.of(8), prefix + "licence", capture));
        usages.add(world.usage(Feature.SMS, 3, SMS, null, capture));
        usages.add(world.usage(Feature.DVLA_BIKE_CHECK, 2, Credits.of(5), prefix + "bike", capture));
        return usages;
    }

    @Test
    @DisplayName("a bulk spend writes the same holds, lot parts, entries, lots, balance and balance changes as one"
            + " reserve after the other, for a Pro school whose expiring allowance runs out mid-batch")
    void sameRowsAsOneByOne() {
        World single = new World();
        World bulk = new World();
        single.oneByOne(usages(single, "a-", false));
        bulk.db.run(() -> bulk.ledger.reserveAll(usages(bulk, "a-", false)));
        single.oneByOne(usages(single, "b-", true));
        bulk.db.run(() -> bulk.ledger.reserveAll(usages(bulk, "b-", true)));
        List<String> expected = single.rows();
        List<String> actual = bulk.rows();
        assertTrue(expected.stream().anyMatch(row -> row.startsWith("hold_lot:") && row.contains("hold#4 ")),
                "the 5th SMS takes from an expiring lot: " + expected);
        assertTrue(expected.stream().anyMatch(row -> row.startsWith("entry:") && row.contains("kind=expiry")),
                "the expired allowance is written off: " + expected);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    @DisplayName("the holds a bulk spend returns are the ones it wrote, in order, and release as any hold does")
    void holdsAreReturnedInOrder() {
        World world = new World();
        List<Hold> holds = world.db.tx(() -> world.ledger.reserveAll(usages(world, "h-", false)));
        assertEquals(9, holds.size());
        assertEquals("h-licence", holds.get(6).reference());
        assertEquals(Credits.of(8), holds.get(6).amount());
        assertEquals(Hold.State.HELD, world.ledger.findHold(SCHOOL, holds.get(6).id()).orElseThrow().state());
        Credits before = world.ledger.balance(SCHOOL, CreditType.CONNECT).available();
        world.db.run(() -> world.ledger.release(SCHOOL, holds.get(4).id(), STAFF));
        assertEquals(before.plus(SMS), world.ledger.balance(SCHOOL, CreditType.CONNECT).available());
        assertTrue(new Reconciliation(world.db.jdbc()).run().ok());
    }

    @Test
    @DisplayName("a bulk spend the balance cannot cover, or with a reference charged before, writes nothing")
    void refusedWritesNothing() {
        World world = new World();
        List<String> before = world.rows();
        List<Operation.Reserve> tooMuch = new ArrayList<>(usages(world, "x-", false));
        tooMuch.add(world.usage(Feature.DVLA_LICENCE_CHECK, 5, Credits.of(8), "x-last", false));
        InsufficientCreditsException refused = assertThrows(InsufficientCreditsException.class,
                () -> world.db.run(() -> world.ledger.reserveAll(tooMuch)));
        assertEquals(0, new BigDecimal("63.4").compareTo(refused.required()), refused.required()::toString);
        world.changes.clear(); // told inside the transaction that rolled back, as an observer in it would be
        assertEquals(before, world.rows());
        world.db.run(() -> world.ledger.reserve(SCHOOL, Feature.SMS, 1, SMS, 1, "y-sms-3",
                START.plus(Duration.ofDays(3)), STAFF));
        List<String> reserved = world.rows();
        CreditsException used = assertThrows(CreditsException.class,
                () -> world.db.run(() -> world.ledger.reserveAll(usages(world, "y-", true))));
        assertEquals(ProblemCode.REFERENCE_ALREADY_USED, used.code());
        assertEquals(reserved, world.rows());
        assertTrue(new Reconciliation(world.db.jdbc()).run().ok());
    }
}
