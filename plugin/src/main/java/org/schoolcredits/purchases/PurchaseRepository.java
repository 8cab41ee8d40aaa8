package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.storage.Jdbc;

/**
 * The purchase table. A status changes only through {@link #transition}, a conditional update:
 * of two deliveries racing for the same purchase, exactly one moves it.
 */
@ApplicationScoped
public class PurchaseRepository {

    private Jdbc db;

    protected PurchaseRepository() {
    }

    @Inject
    public PurchaseRepository(Jdbc db) {
        this.db = db;
    }

    void insert(Purchase p) {
        db.update("insert into purchase (school_id, purchase_id, package_id, credit_type, credits, pence, method,"
                        + " status, created_by_id, created_by_name, created_at, updated_at, bank_reference)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.schoolId(), p.id(), p.packageId(), p.creditType().code(), p.credits().millis(), p.price().pence(),
                p.method().code(), p.status().code(), p.buyer().userId(), p.buyer().name(), p.createdAt(), p.createdAt(),
                p.bankReference());
    }

    void attachCheckout(Purchase p, CheckoutSession session) {
        db.update("update purchase set checkout_session_id = ?, checkout_url = ? where school_id = ? and purchase_id = ?",
                session.id(), session.url(), p.schoolId(), p.id());
    }

    public Optional<Purchase> find(String schoolId, UUID id) {
        return db.one("select * from purchase where school_id = ? and purchase_id = ?", PurchaseRepository::purchase,
                schoolId, id);
    }

    /** A purchase of any school, for platform finance. */
    public Optional<Purchase> find(UUID id) {
        return db.one("select * from purchase where purchase_id = ?", PurchaseRepository::purchase, id);
    }

    Optional<Purchase> findBySession(String checkoutSessionId) {
        return db.one("select * from purchase where checkout_session_id = ?", PurchaseRepository::purchase,
                checkoutSessionId);
    }

    /** Moves the purchase to {@code to} if it is in one of {@code from}; false when it was not. */
    boolean transition(Purchase p, Purchase.Status to, String paymentIntentId, Instant now, Purchase.Status... from) {
        String[] codes = Arrays.stream(from).map(Purchase.Status::code).toArray(String[]::new);
        return db.update("update purchase set status = ?, payment_intent_id = coalesce(?, payment_intent_id),"
                        + " updated_at = ? where school_id = ? and purchase_id = ? and status = any (?)",
                to.code(), paymentIntentId, now, p.schoolId(), p.id(), codes) == 1;
    }

    /**
     * Adds a reason to the purchase's flags, keeping those before, and remembers the payment that
     * disagreed (if the event named one), which pays the purchase if finance credits it after review.
     */
    void flag(Purchase p, String reason, String paymentIntentId, Instant now) {
        db.update("update purchase set flag_reasons = flag_reasons || ?::text,"
                        + " flagged_payment_intent_id = coalesce(?, flagged_payment_intent_id), updated_at = ?"
                        + " where school_id = ? and purchase_id = ?", reason, paymentIntentId, now, p.schoolId(),
                p.id());
    }

    /** The payment of the last event that flagged the purchase, if it named one. */
    Optional<String> flaggedPayment(Purchase p) {
        return db.one("select flagged_payment_intent_id from purchase where school_id = ? and purchase_id = ?"
                + " and flagged_payment_intent_id is not null", rs -> rs.getString(1), p.schoolId(), p.id());
    }

    /**
     * Records platform finance's resolution of every flag the purchase has, if it has one not
     * resolved yet; false when it had none (never flagged, or resolved already). A conditional
     * update: of two resolutions racing, exactly one records.
     */
    boolean resolve(Purchase p, Purchase.Resolution r) {
        return db.update("update purchase set resolved_flags = cardinality(flag_reasons), resolution = ?,"
                        + " resolution_reason = ?, resolved_at = ?, resolved_by_id = ?, resolved_by_name = ?,"
                        + " updated_at = ? where school_id = ? and purchase_id = ?"
                        + " and cardinality(flag_reasons) > resolved_flags",
                r.outcome().code(), r.reason(), r.at(), r.by().userId(), r.by().name(), r.at(), p.schoolId(),
                p.id()) == 1;
    }

    /** The purchases paid by this payment intent (one, unless Stripe reused it), locked until commit. */
    List<Purchase> lockByPaymentIntent(String paymentIntentId) {
        return db.list("select * from purchase where payment_intent_id = ? order by school_id, purchase_id for update",
                PurchaseRepository::purchase, paymentIntentId);
    }

    /** Locks the purchase until commit and reads it as it is now. */
    Purchase lock(Purchase p) {
        return db.one("select * from purchase where school_id = ? and purchase_id = ? for update",
                PurchaseRepository::purchase, p.schoolId(), p.id()).orElseThrow();
    }

    /** Records what refunds and disputes took back and left owed, and the status that follows. */
    void recordReversal(Purchase p, Purchase.Status status, Credits takenBack, Credits owed, Instant now) {
        db.update("update purchase set status = ?, taken_back = ?, owed = ?, updated_at = ? where school_id = ?"
                        + " and purchase_id = ?", status.code(), takenBack.millis(), owed.millis(), now, p.schoolId(),
                p.id());
    }

    void recordReceipt(Purchase p, String receiptUrl) {
        db.update("update purchase set receipt_url = ? where school_id = ? and purchase_id = ?", receiptUrl,
                p.schoolId(), p.id());
    }

    /** A school's purchases, newest first. */
    List<Purchase> ofSchool(String schoolId, int limit) {
        return db.list("select * from purchase where school_id = ? order by created_at desc, purchase_id limit ?",
                PurchaseRepository::purchase, schoolId, limit);
    }

    /**
     * Purchases of every school, newest first (then by id, descending); a null filter matches all:
     * {@code flagged} those with a flag not resolved yet, {@code resolved} those finance resolved;
     * {@code after}, when given, is the last purchase of the previous page.
     */
    public List<Purchase> list(Purchase.Status status, Boolean flagged, Boolean resolved, Purchase after, int limit) {
        String code = status == null ? null : status.code();
        return db.list("select * from purchase where (?::text is null or status = ?)"
                        + " and (?::boolean is null or (cardinality(flag_reasons) > resolved_flags) = ?)"
                        + " and (?::boolean is null or (resolution is not null) = ?)"
                        + " and (?::timestamptz is null or (created_at, purchase_id) < (?, ?))"
                        + " order by created_at desc, purchase_id desc limit ?", PurchaseRepository::purchase,
                code, code, flagged, flagged, resolved, resolved, after == null ? null : after.createdAt(),
                after == null ? null : after.createdAt(), after == null ? null : after.id(), limit);
    }

    private static Purchase purchase(ResultSet rs) throws SQLException {
        return new Purchase(rs.getString("school_id"), rs.getObject("purchase_id", UUID.class),
                rs.getString("package_id"), CreditType.ofCode(rs.getString("credit_type")),
                new Credits(rs.getLong("credits")), new Money(rs.getLong("pence")),
                Purchase.Method.ofCode(rs.getString("method")), Purchase.Status.ofCode(rs.getString("status")),
                rs.getString("checkout_session_id"), rs.getString("checkout_url"), rs.getString("payment_intent_id"),
                rs.getString("receipt_url"), List.of((String[]) rs.getArray("flag_reasons").getArray()),
                new Actor(rs.getString("created_by_id"), rs.getString("created_by_name")), Jdbc.instant(rs, "created_at"),
                new Credits(rs.getLong("taken_back")), new Credits(rs.getLong("owed")), rs.getString("bank_reference"),
                rs.getInt("resolved_flags"), resolution(rs));
    }

    private static Purchase.Resolution resolution(ResultSet rs) throws SQLException {
        String outcome = rs.getString("resolution");
        return outcome == null ? null : new Purchase.Resolution(Purchase.Resolution.Outcome.ofCode(outcome),
                rs.getString("resolution_reason"), new Actor(rs.getString("resolved_by_id"),
                rs.getString("resolved_by_name")), Jdbc.instant(rs, "resolved_at"));
    }
}
