package org.schoolcredits.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    private Jdbc db;
    private CreditsClock clock;
    private HostLinks links;
    private Consumer<BalanceChanged> changes;

    protected Ledger() {
    }

    @Inject
    public Ledger(Jdbc db, CreditsClock clock, HostLinks links, Event<BalanceChanged> changes) {
        this(db, clock, links, changes::fire);
    }

    public Ledger(Jdbc db, CreditsClock clock, String publicUrl, Consumer<BalanceChanged> changes) {
        this(db, clock, new HostLinks(publicUrl, null), changes);
    }

    public Ledger(Jdbc db, CreditsClock clock, HostLinks links, Consumer<BalanceChanged> changes) {
        this.db = db;
        this.clock = clock;
        this.links = links;
        this.changes = changes;
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
        return grant(grant, null);
    }

    private Optional<Long> grant(Grant grant, String reason) {
        requirePositive(grant.amount());
        Instant now = clock.now();
        Optional<Long> lotId = db.one("insert into lot (school_id, credit_type, source, reference, amount, remaining,"
                        + " expires_at, state, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (school_id, credit_type, source, reference) do nothing returning lot_id",
                rs -> rs.getLong(1), grant.schoolId(), grant.creditType().code(), grant.source().code(),
                grant.reference(), grant.amount().millis(), grant.expiresAt() == null ? null : grant.amount().millis(),
                grant.expiresAt(),
                grant.pending() ? "pending" : "available", now);
        if (lotId.isEmpty()) {
            return lotId;
        }
        long amount = grant.amount().millis();
        long available = grant.pending()
                ? changeBalance(grant.schoolId(), grant.creditType(), 0, amount)
                : changeBalance(grant.schoolId(), grant.creditType(), amount, 0);
        insertEntry(new EntryRow(grant.schoolId(), grant.creditType(), grant.entryKind(), null, null,
                grant.pending() ? 0 : amount, grant.pending() ? amount : 0, available,
                grant.pending() ? "pending" : "success", grant.by(), grant.reference(), null, null,
                lotId.get(), null, reason), now);
        return lotId;
    }

    /**
     * Settles a pending lot once: cleared makes its credits available, not cleared voids them.
     * Returns false when it was settled before (or never pending).
     */
    public boolean settlePending(String schoolId, CreditType type, LotSource source, String reference,
                                 boolean cleared, Actor by) {
        Optional<long[]> lot = db.one("update lot set state = ? where school_id = ? and credit_type = ?"
                        + " and source = ? and reference = ? and state = 'pending' returning lot_id, amount",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, cleared ? "available" : "void",
                schoolId, type.code(), source.code(), reference);
        if (lot.isEmpty()) {
            return false;
        }
        long amount = lot.get()[1];
        long available = changeBalance(schoolId, type, cleared ? amount : 0, -amount);
        insertEntry(new EntryRow(schoolId, type, EntryKind.PURCHASE, null, null, cleared ? amount : 0, -amount,
                available, cleared ? "success" : "failed", by, reference, null, null, lot.get()[0], null), clock.now());
        return true;
    }

    // ---- spending

    /** Spends credits at once (a learner registration); returns the available balance after. */
    public Credits redeem(String schoolId, Feature feature, Credits amount, int priceVersion, String reference,
                          Actor by) {
        requirePositive(amount);
        return new Credits(spend(new EntryRow(schoolId, feature.creditType(), EntryKind.REDEMPTION, feature, 1L,
                -amount.millis(), 0, 0, "success", by, reference, priceVersion, null, null, null), clock.now(), null));
    }

    /** Holds credits for a host action until it is captured or released, or {@code expiresAt} passes. */
    public Hold reserve(String schoolId, Feature feature, long quantity, Credits unitPrice, int priceVersion,
                        String reference, Instant expiresAt, Actor by) {
        Credits amount = unitPrice.times(quantity);
        requirePositive(amount);
        CreditType type = feature.creditType();
        Instant now = clock.now();
        Hold hold = new Hold(schoolId, UUID.randomUUID(), type, feature.code(), quantity, amount, priceVersion, reference,
                Hold.State.HELD, now, expiresAt);
        try {
            spend(new EntryRow(schoolId, type, EntryKind.USAGE, feature, quantity, -amount.millis(), 0, 0,
                    "pending", by, reference, priceVersion, hold.id(), null, null), now, hold);
        } catch (Jdbc.DatabaseException e) {
            if (e.violates("hold_reference")) {
                throw new CreditsException(ProblemCode.REFERENCE_ALREADY_USED,
                        "The " + feature + " action '" + reference + "' was charged before");
            }
            throw e;
        }
        return hold;
    }

    /** The action succeeded: the usage is final. */
    public Hold capture(String schoolId, UUID holdId) {
        return resolve(schoolId, holdId, Hold.State.CAPTURED);
    }

    /** The action failed: exactly the held credits return where they came from (expiring lots, the pool). */
    public Hold release(String schoolId, UUID holdId, Actor by) {
        Hold hold = resolve(schoolId, holdId, Hold.State.RELEASED);
        returnHeld(hold, by);
        return hold;
    }

    /** Releases holds left unsettled past their time; runs once across instances (SKIP LOCKED). */
    public int expireHolds(int limit) {
        Instant now = clock.now();
        List<Hold> due = db.list("update hold set state = 'expired', resolved_at = ? where (school_id, hold_id) in"
                        + " (select school_id, hold_id from hold where state = 'held' and expires_at <= ?"
                        + " order by expires_at, school_id, created_at, reference limit ? for update skip locked) returning *",
                Ledger::hold, now, now, limit);
        due.sort(java.util.Comparator.comparing(Hold::expiresAt).thenComparing(Hold::schoolId)
                .thenComparing(Hold::createdAt).thenComparing(hold -> String.valueOf(hold.reference())));
        for (Hold hold : due) {
            returnHeld(hold, Actor.SYSTEM);
        }
        return due.size();
    }

    /** Writes off what is left of lots whose expiry has passed; returns how many lots expired. */
    public int expireLots(int limit) {
        Instant now = clock.now();
        List<String[]> due = db.list("select school_id, credit_type from lot where state = 'available'"
                + " and expires_at <= ? group by school_id, credit_type order by school_id, credit_type limit ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, now, limit);
        int expired = 0;
        for (String[] wallet : due) {
            expired += expireLotsOf(wallet[0], CreditType.ofCode(wallet[1]), now);
        }
        return expired;
    }

    private int expireLotsOf(String schoolId, CreditType type, Instant now) {
        lockBalance(schoolId, type);
        List<long[]> lots = db.list("select lot_id, remaining from lot where school_id = ? and credit_type = ?"
                        + " and state = 'available' and expires_at <= ? order by lot_id for update",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, schoolId, type.code(), now);
        for (long[] lot : lots) {
            db.update("update lot set state = 'expired', remaining = 0 where school_id = ? and lot_id = ?", schoolId,
                    lot[0]);
            writeOff(schoolId, type, lot[0], lot[1], now);
        }
        return lots.size();
    }

    /**
     * A platform correction, positive (a new lot that never expires: the pool) or negative (spent in
     * burn-down order); either way its entry keeps the reason.
     */
    public void adjust(String schoolId, CreditType type, Credits amount, String reason, Actor by) {
        if (amount.isPositive()) {
            grant(new Grant(schoolId, type, LotSource.ADJUSTMENT, "adjustment:" + UUID.randomUUID(), amount, null,
                    false, by), reason);
            return;
        }
        Credits debit = amount.negate();
        requirePositive(debit);
        try {
            spend(new EntryRow(schoolId, type, EntryKind.ADJUSTMENT, null, null, amount.millis(), 0, 0, "success", by,
                    reason, null, null, null, null, reason), clock.now(), null);
        } catch (InsufficientCreditsException e) {
            throw new CreditsException(ProblemCode.BALANCE_WOULD_GO_NEGATIVE, "Only " + e.available().toPlainString()
                    + " " + type.code() + " credits are available", Map.of("available", e.available()));
        }
    }

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Balance balance(String schoolId, CreditType type) {
        return db.one("select available, (select coalesce(sum(amount), 0) from hold h where h.school_id = b.school_id"
                        + " and h.credit_type = b.credit_type and h.state = 'held'), pending"
                        + " from balance b where school_id = ? and credit_type = ?",
                rs -> new Balance(new Credits(rs.getLong(1)), new Credits(rs.getLong(2)), new Credits(rs.getLong(3))),
                schoolId, type.code()).orElse(Balance.EMPTY);
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
        return db.one("select * from hold where school_id = ? and hold_id = ?", Ledger::hold, schoolId, holdId);
    }

    // ---- the rules

    /**
     * Takes an entry's credits out of the available balance, or refuses; returns the available
     * balance after. Lots past their expiry are written off first, so that they are never spent
     * even before the month-end job has run.
     */
    private long spend(EntryRow entry, Instant at, Hold hold) {
        String schoolId = entry.schoolId();
        CreditType type = entry.type();
        Optional<Long> after = trySpend(entry, at, hold);
        if (after.isEmpty() && db.one("select 1 from lot where school_id = ? and credit_type = ?"
                + " and state = 'available' and expires_at <= ? limit 1", rs -> true, schoolId, type.code(), at)
                .isPresent()) {
            expireLotsOf(schoolId, type, at);
            after = trySpend(entry, at, hold);
        }
        if (after.isEmpty()) {
            Balance balance = balance(schoolId, type);
            throw new InsufficientCreditsException(type, new Credits(-entry.amount()).toDecimal(),
                    balance.available().toDecimal(), balance.pending().toDecimal(), topUpUrl());
        }
        changes.accept(new BalanceChanged(schoolId, type, new Credits(entry.amount()), new Credits(after.get())));
        return after.get();
    }

    /**
     * One statement, so that the balance row is locked for this statement and the commit only:
     * takes the amount off the available balance if it is there and no lot has expired unseen
     * (the conditional update locks the row and serialises a school's spending); then opens the
     * hold, if any; takes what it can from the expiring lots, soonest first, as they are once the
     * row is locked ({@code take_from_lots}, V7 and V8), the rest coming from the pool; records
     * what the hold took from which lot; writes the entry with the balance it leaves
     * ({@code entry.balanceAfter()} is not used). Empty when refused; then nothing was written.
     */
    private Optional<Long> trySpend(EntryRow entry, Instant at, Hold hold) {
        String schoolId = entry.schoolId();
        String type = entry.type().code();
        long amount = -entry.amount();
        boolean holding = hold != null;
        UUID holdId = holding ? hold.id() : null;
        String feature = entry.feature() == null ? null : entry.feature().name();
        List<Object> args = new ArrayList<>(List.of(amount, schoolId, type, amount, at));
        // opened: the hold, if any
        args.addAll(java.util.Arrays.asList(schoolId, holdId, type, feature, entry.quantity(), amount,
                entry.priceVersion(), entry.reference(), entry.by().userId(), entry.by().name(), at,
                holding ? hold.expiresAt() : null, holding));
        // taken, and the hold's parts
        args.addAll(java.util.Arrays.asList(amount, schoolId, holdId, holding));
        // written: the entry
        args.addAll(java.util.Arrays.asList(schoolId, at, type, entry.kind().code(), feature, entry.quantity(),
                entry.amount(), entry.status(), entry.by().userId(), entry.by().name(), entry.reference(),
                entry.priceVersion(), holdId, entry.reason()));
        return db.one(SPEND, rs -> rs.getLong(1), args.toArray());
    }

    /**
     * {@link #trySpend}'s statement; the hold and its parts are written only for a usage ({@code where ?}).
     * The last line selects from {@code taken} so that the lots are taken when there is no hold too.
     */
    private static final String SPEND = "with debited as (update balance set available = available - ?"
            + " where school_id = ? and credit_type = ? and available >= ? and not exists (select 1 from lot"
            + " where lot.school_id = balance.school_id and lot.credit_type = balance.credit_type"
            + " and lot.state = 'available' and lot.expires_at <= ?) returning school_id, credit_type, available),"
            + " opened as (insert into hold (school_id, hold_id, credit_type, feature, quantity, amount, price_version,"
            + " reference, state, initiated_by_id, initiated_by_name, created_at, expires_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?, ? from debited where ?),"
            + " taken as (select lot.lot_id, lot.taken from debited"
            + " cross join lateral take_from_lots(debited.school_id, debited.credit_type, ?) lot),"
            + " parts as (insert into hold_lot (school_id, hold_id, lot_id, amount) select ?, ?, lot_id, taken from taken"
            + " where ?),"
            + " written as (insert into entry (school_id, at, credit_type, kind, feature, quantity, amount,"
            + " pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference, price_version,"
            + " hold_id, reason) select ?, ?, ?, ?, ?, ?, ?, 0, debited.available, ?, ?, ?, ?, ?, ?, ? from debited)"
            + " select available, (select coalesce(sum(taken), 0) from taken) from debited";

    private Hold resolve(String schoolId, UUID holdId, Hold.State to) {
        Optional<Hold> hold = db.one("update hold set state = ?, resolved_at = ? where school_id = ? and hold_id = ?"
                + " and state = 'held' returning *", Ledger::hold, to.code(), clock.now(), schoolId, holdId);
        if (hold.isPresent()) {
            return hold.get();
        }
        Hold existing = findHold(schoolId, holdId).orElseThrow(() -> CreditsException.notFound("The usage"));
        throw switch (existing.state()) {
            case CAPTURED -> new CreditsException(ProblemCode.HOLD_ALREADY_CAPTURED, "The usage was captured before");
            case RELEASED -> new CreditsException(ProblemCode.HOLD_ALREADY_RELEASED, "The usage was released before");
            case EXPIRED, HELD -> new CreditsException(ProblemCode.HOLD_EXPIRED,
                    "The usage expired at " + existing.expiresAt() + " and its credits were returned");
        };
    }

    /**
     * Returns a resolved hold's credits: its parts to the expiring lots they came from, the rest to
     * the pool; a part whose lot has expired since is written off.
     */
    private void returnHeld(Hold hold, Actor by) {
        String schoolId = hold.schoolId();
        long amount = hold.amount().millis();
        long available = changeBalance(schoolId, hold.creditType(), amount, 0);
        Instant now = clock.now();
        long usageEntry = db.one("select entry_id from entry where school_id = ? and hold_id = ? and kind = 'usage'",
                rs -> rs.getLong(1), schoolId, hold.id()).orElseThrow();
        insertEntry(new EntryRow(schoolId, hold.creditType(), EntryKind.REFUND, stored(hold), hold.quantity(),
                amount, 0, available, "success", by, hold.reference(), hold.priceVersion(), hold.id(), null,
                usageEntry), now);
        List<long[]> parts = db.list("select hl.lot_id, hl.amount, l.state from hold_lot hl join lot l"
                        + " on l.school_id = hl.school_id and l.lot_id = hl.lot_id"
                        + " where hl.school_id = ? and hl.hold_id = ? order by hl.lot_id for update of l",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), "available".equals(rs.getString(3)) ? 1 : 0},
                schoolId, hold.id());
        for (long[] part : parts) {
            if (part[2] == 1) {
                db.update("update lot set remaining = remaining + ? where school_id = ? and lot_id = ?", part[1],
                        schoolId, part[0]);
            } else {
                writeOff(schoolId, hold.creditType(), part[0], part[1], now);
            }
        }
    }

    private void writeOff(String schoolId, CreditType type, long lotId, long amount, Instant now) {
        if (amount == 0) {
            return;
        }
        long available = changeBalance(schoolId, type, -amount, 0);
        insertEntry(new EntryRow(schoolId, type, EntryKind.EXPIRY, null, null, -amount, 0, available, "success",
                Actor.SYSTEM, null, null, null, lotId, null), now);
    }

    private long changeBalance(String schoolId, CreditType type, long available, long pending) {
        long after = db.one("update balance set available = available + ?, pending = pending + ?"
                        + " where school_id = ? and credit_type = ? returning available",
                rs -> rs.getLong(1), available, pending, schoolId, type.code())
                .orElseThrow(() -> CreditsException.notFound("The school"));
        if (available != 0) {
            changes.accept(new BalanceChanged(schoolId, type, new Credits(available), new Credits(after)));
        }
        return after;
    }

    /**
     * Locks the balance row as a change of it does, and returns the available balance: for an
     * observer of {@link BalanceChanged} that must decide on the balance outside a change.
     */
    public Credits lockBalance(String schoolId, CreditType type) {
        // as a balance update locks it: a hold inserted before (its key share on the row) does not conflict
        return new Credits(db.one("select available from balance where school_id = ? and credit_type = ?"
                + " for no key update", rs -> rs.getLong(1), schoolId, type.code())
                .orElseThrow(() -> CreditsException.notFound("The school")));
    }

    private static void requirePositive(Credits amount) {
        if (!amount.isPositive()) {
            throw CreditsException.invalidField("amount", "The amount must be more than zero");
        }
    }

    private record EntryRow(String schoolId, CreditType type, EntryKind kind, Feature feature, Long quantity,
                            long amount, long pendingAmount, long balanceAfter, String status, Actor by,
                            String reference, Integer priceVersion, UUID holdId, Long lotId, Long refundsEntryId,
                            String reason) {

        EntryRow(String schoolId, CreditType type, EntryKind kind, Feature feature, Long quantity, long amount,
                 long pendingAmount, long balanceAfter, String status, Actor by, String reference,
                 Integer priceVersion, UUID holdId, Long lotId, Long refundsEntryId) {
            this(schoolId, type, kind, feature, quantity, amount, pendingAmount, balanceAfter, status, by, reference,
                    priceVersion, holdId, lotId, refundsEntryId, null);
        }
    }

    private static final String INSERT_ENTRY = "insert into entry (school_id, at, credit_type, kind, feature,"
            + " quantity, amount, pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference,"
            + " price_version, hold_id, lot_id, refunds_entry_id, reason)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void insertEntry(EntryRow e, Instant at) {
        db.update(INSERT_ENTRY, entryValues(e, at));
    }

    private static Object[] entryValues(EntryRow e, Instant at) {
        return new Object[] {e.schoolId(), at, e.type().code(), e.kind().code(),
                e.feature() == null ? null : e.feature().name(), e.quantity(), e.amount(), e.pendingAmount(),
                e.balanceAfter(), e.status(), e.by().userId(), e.by().name(), e.reference(), e.priceVersion(),
                e.holdId(), e.lotId(), e.refundsEntryId(), e.reason()};
    }

    /**
     * The feature of a hold, as its refund entry needs it: its code (written to the entry) and credit type. The
     * ledger keeps codes, not the registry of features; label and price play no part here.
     */
    private static Feature stored(Hold hold) {
        return Feature.of(hold.feature(), hold.feature(), hold.creditType(), java.math.BigDecimal.ONE);
    }

    static Hold hold(ResultSet rs) throws SQLException {
        return new Hold(rs.getString("school_id"), rs.getObject("hold_id", UUID.class),
                CreditType.ofCode(rs.getString("credit_type")), rs.getString("feature"),
                rs.getLong("quantity"), new Credits(rs.getLong("amount")), rs.getInt("price_version"),
                rs.getString("reference"), Hold.State.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"));
    }
}
