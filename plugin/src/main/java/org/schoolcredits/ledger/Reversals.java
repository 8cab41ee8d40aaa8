package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.storage.Jdbc;

/**
 * The ledger's side of a refunded or disputed payment: takes back what is unspent of a
 * purchase's credits, never below zero, and gives them back when a dispute is won; each as a
 * {@code reversal} entry whose reference is the purchase and whose reason says why.
 * <p>
 * What can be taken back is the school's pool: its available balance less what is left of its
 * expiring lots (a month's allowance is not the purchase's). The balance row is locked first,
 * as every change of it does, so a take-back queues with the school's spending. Plain SQL, as the
 * rest of the ledger's money statements, inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Reversals {

    private Jdbc db;
    private CreditsClock clock;
    private Balances balances;

    protected Reversals() {
    }

    @Inject
    public Reversals(Jdbc db, CreditsClock clock, Event<BalanceChanged> changes) {
        this(db, clock, changes::fire);
    }

    public Reversals(Jdbc db, CreditsClock clock, Consumer<BalanceChanged> changes) {
        this.db = db;
        this.clock = clock;
        this.balances = new Balances(db, changes);
    }

    /**
     * Takes back up to {@code amount} of the school's pool; returns what it took (zero when the
     * pool is empty, and then nothing is written).
     *
     * @param reference the purchase whose credits these are
     * @param reason    why, in words the school reads in its history
     */
    public Credits takeBack(String schoolId, CreditType type, String reference, Credits amount, String reason) {
        requireNotNegative(amount);
        long available = balances.lock(schoolId, type).millis();
        long expiring = db.one("select coalesce(sum(remaining), 0) from lot where school_id = ? and credit_type = ?"
                + " and state = 'available' and expires_at is not null", rs -> rs.getLong(1), schoolId, type.code())
                .orElse(0L);
        long taken = Math.min(amount.millis(), Math.max(0, available - expiring));
        if (taken > 0) {
            write(schoolId, type, -taken, reference, reason);
        }
        return new Credits(taken);
    }

    /** Gives back credits a reversal took (a dispute won): to the pool, as they were taken from it. */
    public void giveBack(String schoolId, CreditType type, String reference, Credits amount, String reason) {
        requireNotNegative(amount);
        if (amount.isPositive()) {
            write(schoolId, type, amount.millis(), reference, reason);
        }
    }

    private void write(String schoolId, CreditType type, long amount, String reference, String reason) {
        long after = balances.change(schoolId, type, amount, 0);
        Entry.reversal(schoolId, type, amount, after, reference, reason).write(db, clock.now());
    }

    private static void requireNotNegative(Credits amount) {
        if (amount.millis() < 0) {
            throw new IllegalArgumentException("a reversal's amount is never negative: " + amount);
        }
    }
}
