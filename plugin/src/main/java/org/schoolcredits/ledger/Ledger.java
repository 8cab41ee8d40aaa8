package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.links.HostLinks;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.Jdbc;

/**
 * The only writer of credits. Every method runs inside the caller's transaction and keeps the
 * invariants: a balance never goes below zero (a conditional update on the balance row, which
 * also serialises spending per school and credit type), every change is an entry, a grant and
 * a hold resolve once. Locks are always taken hold first, then balance, then lots.
 * <p>
 * Credits that never expire (purchases, adjustments, the trial credit) are one pool per school
 * and credit type: which of them was spent changes nothing. Only a lot that expires (a month's
 * allowance) keeps what is left of it, since expiry writes off exactly that. A spend takes from
 * the expiring lots first, soonest first, then from the pool, which is the available balance
 * less what is left of the expiring lots.
 * <p>
 * The held balance is not kept on the balance row: it is the sum of the open holds, so that
 * capturing a usage locks only its hold, and the balance row, the one lock every spend of a
 * school queues on, is held by the reserve alone.
 * <p>
 * This class is the door; the work is split by responsibility: {@link Balances} (the balance
 * rows), {@link Lots} (grants, pending purchases, expiry), {@link Spend} (the one spend
 * statement), {@link Holds} (reserve, capture, release, expire) and {@link Entry} (the entries,
 * one factory per kind of change).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    /** The spend statement as JDBC runs it, a {@code ?} per parameter (read by the bench's replay). */
    private static final String SPEND = Spend.STATEMENT.sql();

    private Jdbc db;
    private CreditsClock clock;
    private HostLinks links;
    private Balances balances;
    private Lots lots;
    private Spend spend;
    private Holds holds;
    private Together together;
    private BulkSpend bulk;

    protected Ledger() {
    }

    @Inject
    public Ledger(Jdbc db, CreditsClock clock, HostLinks links, Event<BalanceChanged> changes) {
        this(db, clock, links, changes::fire);
    }

    /** For tests and the benchmarks: links to the demo host's credits page under {@code publicUrl}. */
    public Ledger(Jdbc db, CreditsClock clock, String publicUrl, Consumer<BalanceChanged> changes) {
        this(db, clock, new HostLinks(publicUrl, "/settings/credits"), changes);
    }

    public Ledger(Jdbc db, CreditsClock clock, HostLinks links, Consumer<BalanceChanged> changes) {
        this.db = db;
        this.clock = clock;
        this.links = links;
        this.balances = new Balances(db, changes);
        this.lots = new Lots(db, balances);
        this.spend = new Spend(db, balances, lots, links);
        this.holds = new Holds(db, clock, balances, lots, spend);
        this.together = new Together(db, holds);
        this.bulk = new BulkSpend(db, balances, spend);
    }

    /** A ledger that tells nobody about balance changes (tests of the ledger alone). */
    public Ledger(Jdbc db, CreditsClock clock, String publicUrl) {
        this(db, clock, publicUrl, change -> { });
    }

    /** Where a school tops up: the host's credits page. */
    public String topUpUrl() {
        return links.creditsPage();
    }

    // ---- schools

    /** Creates the school's wallet (both credit types) if it has none; enables it. Returns true when new. */
    public boolean provision(String schoolId) {
        db.update("insert into school (school_id, enabled, enabled_at) values (?, true, ?)"
                + " on conflict (school_id) do update set enabled = true", schoolId, clock.now());
        int wallets = db.update("insert into balance (school_id, credit_type) values (?, 'learner'), (?, 'connect')"
                + " on conflict do nothing", schoolId, schoolId);
        return wallets > 0;
    }

    public void disable(String schoolId) {
        db.update("update school set enabled = false where school_id = ?", schoolId);
    }

    // ---- adding credits

    /** Adds a lot; returns its id, or empty when this source and reference was granted before. */
    public Optional<Long> grant(Grant grant) {
        requirePositive(grant.amount());
        return lots.grant(grant, null, clock.now());
    }

    /**
     * Settles a pending lot once: cleared makes its credits available, not cleared voids them.
     * Returns false when it was settled before (or never pending).
     */
    public boolean settlePending(String schoolId, CreditType type, LotSource source, String reference,
                                 boolean cleared, Actor by) {
        return lots.settlePending(schoolId, type, source, reference, cleared, by, clock.now());
    }

    // ---- spending

    /** Spends credits at once (a learner registration); returns the available balance after. */
    public Credits redeem(String schoolId, Feature feature, Credits amount, int priceVersion, String reference,
                          Actor by) {
        requirePositive(amount);
        return new Credits(spend.spend(Entry.redemption(schoolId, feature, amount, priceVersion, reference, by),
                clock.now(), null));
    }

    /** Holds credits for a host action until it is captured or released, or {@code expiresAt} passes. */
    public Hold reserve(String schoolId, Feature feature, long quantity, Credits unitPrice, int priceVersion,
                        String reference, Instant expiresAt, Actor by) {
        Credits amount = unitPrice.times(quantity);
        requirePositive(amount);
        return holds.reserve(schoolId, feature, quantity, amount, priceVersion, reference, expiresAt, by);
    }

    /**
     * Holds (or, with {@code capture}, charges at once) one school's usages of one credit type, by one
     * caller, in one statement: each gets the hold, lot parts and entry that {@link #reserve} (and
     * {@link #capture}) one after the other would write, in order. All of them, or none when the
     * balance cannot cover their total (402) or a reference was charged before (409): the caller
     * decides beforehand which usages fit ({@link #lockBalance}).
     */
    public List<Hold> reserveAll(List<Operation.Reserve> usages) {
        if (usages.isEmpty()) {
            return List.of();
        }
        usages.forEach(Ledger::requirePositive);
        return bulk.reserve(usages, clock.now());
    }

    /** The action succeeded: the usage is final. */
    public Hold capture(String schoolId, UUID holdId) {
        return holds.resolve(schoolId, holdId, Hold.State.CAPTURED);
    }

    /** The action failed: exactly the held credits return where they came from (expiring lots, the pool). */
    public Hold release(String schoolId, UUID holdId, Actor by) {
        Hold hold = holds.resolve(schoolId, holdId, Hold.State.RELEASED);
        holds.returnHeld(hold, by);
        return hold;
    }

    /**
     * Applies reserves and captures that arrived together ({@link GroupCommit}), each decided on its
     * own in arrival order: returns each one's hold or refusal. Throws only when the whole must roll
     * back (a database error); see {@link Together}.
     */
    public List<Operation.Outcome> apply(List<? extends Operation> operations) {
        operations.forEach(Ledger::requirePositive);
        return together.apply(operations);
    }

    /** Applies one reserve or capture as {@link #apply(List)} does; throws its refusal. */
    public Hold apply(Operation operation) {
        return apply(List.of(operation)).get(0).get();
    }

    /** Releases holds left unsettled past their time; runs once across instances (SKIP LOCKED). */
    public int expireHolds(int limit) {
        return holds.expire(limit);
    }

    /** Writes off what is left of lots whose expiry has passed; returns how many lots expired. */
    public int expireLots(int limit) {
        return lots.expire(limit, clock.now());
    }

    /**
     * A platform correction, positive (a new lot that never expires: the pool) or negative (spent in
     * burn-down order); either way its entry keeps the reason.
     */
    public void adjust(String schoolId, CreditType type, Credits amount, String reason, Actor by) {
        if (amount.isPositive()) {
            lots.grant(new Grant(schoolId, type, LotSource.ADJUSTMENT, "adjustment:" + UUID.randomUUID(), amount, null,
                    false, by), reason, clock.now());
            return;
        }
        requirePositive(amount.negate());
        try {
            spend.spend(Entry.debitAdjustment(schoolId, type, amount, reason, by), clock.now(), null);
        } catch (InsufficientCreditsException e) {
            throw new CreditsException(ProblemCode.BALANCE_WOULD_GO_NEGATIVE, "Only " + e.available().toPlainString()
                    + " " + type.code() + " credits are available", Map.of("available", e.available()));
        }
    }

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Balance balance(String schoolId, CreditType type) {
        return balances.read(schoolId, type);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String schoolId) {
        return db.one("select 1 from school where school_id = ?", rs -> true, schoolId).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(String schoolId) {
        return db.one("select enabled from school where school_id = ?", rs -> rs.getBoolean(1), schoolId)
                .orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Hold> findHold(String schoolId, UUID holdId) {
        return holds.find(schoolId, holdId);
    }

    /**
     * Locks the balance row as a change of it does, and returns the available balance: for an
     * observer of {@link BalanceChanged} that must decide on the balance outside a change.
     */
    public Credits lockBalance(String schoolId, CreditType type) {
        return balances.lock(schoolId, type);
    }

    static void requirePositive(Operation operation) {
        if (operation instanceof Operation.Reserve reserve) {
            requirePositive(reserve.amount());
        }
    }

    private static void requirePositive(Credits amount) {
        if (!amount.isPositive()) {
            throw CreditsException.invalidField("amount", "The amount must be more than zero");
        }
    }
}
