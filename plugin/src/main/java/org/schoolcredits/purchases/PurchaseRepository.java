package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * The purchase table, as {@link StoredPurchase} entities read into {@link Purchase} records. A status
 * changes only through {@link #transition}, a conditional update: of two deliveries racing for the
 * same purchase, exactly one moves it. Rows are detached as soon as they are read, so that a read after
 * one of the bulk updates here sees the row as it is, not as the persistence context last saw it.
 */
@ApplicationScoped
public class PurchaseRepository {

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;

    protected PurchaseRepository() {
    }

    /** Outside the container (tests): on {@code em}. */
    public PurchaseRepository(EntityManager em) {
        this.em = em;
    }

    void insert(Purchase p) {
        StoredPurchase row = new StoredPurchase(p);
        em.persist(row);
        em.flush(); // in order with the SQL that follows in the transaction
        em.detach(row);
    }

    void attachCheckout(Purchase p, CheckoutSession session) {
        update("update StoredPurchase p set p.checkoutSessionId = :session, p.checkoutUrl = :url", p)
                .setParameter("session", session.id()).setParameter("url", session.url()).executeUpdate();
    }

    public Optional<Purchase> find(String schoolId, UUID id) {
        return one(em.createQuery("select p from StoredPurchase p where p.schoolId = :school and p.id = :id",
                StoredPurchase.class).setParameter("school", schoolId).setParameter("id", id));
    }

    /** A purchase of any school, for platform finance. */
    public Optional<Purchase> find(UUID id) {
        return one(em.createQuery("select p from StoredPurchase p where p.id = :id", StoredPurchase.class)
                .setParameter("id", id));
    }

    Optional<Purchase> findBySession(String checkoutSessionId) {
        return one(em.createQuery("select p from StoredPurchase p where p.checkoutSessionId = :session",
                StoredPurchase.class).setParameter("session", checkoutSessionId));
    }

    /** Moves the purchase to {@code to} if it is in one of {@code from}; false when it was not. */
    boolean transition(Purchase p, Purchase.Status to, String paymentIntentId, Instant now, Purchase.Status... from) {
        List<String> codes = Arrays.stream(from).map(Purchase.Status::code).toList();
        String intent = paymentIntentId == null ? "" : ", p.paymentIntentId = :intent";
        var update = update("update StoredPurchase p set p.status = :to, p.updatedAt = :now" + intent, p,
                " and p.status in :from").setParameter("to", to.code()).setParameter("now", now)
                .setParameter("from", codes);
        if (paymentIntentId != null) {
            update.setParameter("intent", paymentIntentId);
        }
        return update.executeUpdate() == 1;
    }

    /**
     * Adds a reason to the purchase's flags, keeping those before (an array append: SQL), and remembers
     * the payment that disagreed (if the event named one), which pays the purchase if finance credits it
     * after review.
     */
    void flag(Purchase p, String reason, String paymentIntentId, Instant now) {
        em.createNativeQuery("update purchase set flag_reasons = flag_reasons || ?::text,"
                        + " flagged_payment_intent_id = coalesce(?, flagged_payment_intent_id), updated_at = ?"
                        + " where school_id = ? and purchase_id = ?")
                .setParameter(1, reason).setParameter(2, paymentIntentId)
                .setParameter(3, now.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(4, p.schoolId()).setParameter(5, p.id()).executeUpdate();
    }

    /** The payment of the last event that flagged the purchase, if it named one. */
    Optional<String> flaggedPayment(Purchase p) {
        List<?> found = em.createNativeQuery("select flagged_payment_intent_id from purchase where school_id = ?"
                        + " and purchase_id = ? and flagged_payment_intent_id is not null")
                .setParameter(1, p.schoolId()).setParameter(2, p.id()).getResultList();
        return found.stream().map(String.class::cast).findFirst();
    }

    /**
     * Records platform finance's resolution of every flag the purchase has, if it has one not
     * resolved yet; false when it had none (never flagged, or resolved already). A conditional
     * update: of two resolutions racing, exactly one records.
     */
    boolean resolve(Purchase p, Purchase.Resolution r) {
        return em.createNativeQuery("update purchase set resolved_flags = cardinality(flag_reasons), resolution = ?,"
                        + " resolution_reason = ?, resolved_at = ?, resolved_by_id = ?, resolved_by_name = ?,"
                        + " updated_at = ? where school_id = ? and purchase_id = ?"
                        + " and cardinality(flag_reasons) > resolved_flags")
                .setParameter(1, r.outcome().code()).setParameter(2, r.reason())
                .setParameter(3, r.at().atOffset(java.time.ZoneOffset.UTC)).setParameter(4, r.by().userId())
                .setParameter(5, r.by().name()).setParameter(6, r.at().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(7, p.schoolId()).setParameter(8, p.id()).executeUpdate() == 1;
    }

    /** The purchases paid by this payment intent (one, unless Stripe reused it), locked until commit. */
    List<Purchase> lockByPaymentIntent(String paymentIntentId) {
        return list(em.createQuery("select p from StoredPurchase p where p.paymentIntentId = :intent"
                        + " order by p.schoolId, p.id", StoredPurchase.class)
                .setParameter("intent", paymentIntentId).setLockMode(LockModeType.PESSIMISTIC_WRITE));
    }

    /** Locks the purchase until commit and reads it as it is now. */
    Purchase lock(Purchase p) {
        return one(em.createQuery("select p from StoredPurchase p where p.schoolId = :school and p.id = :id",
                        StoredPurchase.class).setParameter("school", p.schoolId()).setParameter("id", p.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)).orElseThrow();
    }

    /** Records what refunds and disputes took back and left owed, and the status that follows. */
    void recordReversal(Purchase p, Purchase.Status status, Credits takenBack, Credits owed, Instant now) {
        update("update StoredPurchase p set p.status = :status, p.takenBack = :takenBack, p.owed = :owed,"
                + " p.updatedAt = :now", p).setParameter("status", status.code())
                .setParameter("takenBack", takenBack.millis()).setParameter("owed", owed.millis())
                .setParameter("now", now).executeUpdate();
    }

    /** Expires the card purchases created by {@code before} whose Checkout Session was never opened. */
    int expireUnopened(Instant before, Instant now) {
        return em.createQuery("update StoredPurchase p set p.status = 'expired', p.updatedAt = :now"
                        + " where p.status = 'awaiting_payment' and p.checkoutSessionId is null and p.createdAt <= :before")
                .setParameter("now", now).setParameter("before", before).executeUpdate();
    }

    void recordReceipt(Purchase p, String receiptUrl) {
        update("update StoredPurchase p set p.receiptUrl = :url", p).setParameter("url", receiptUrl).executeUpdate();
    }

    /** A school's purchases, newest first. */
    List<Purchase> ofSchool(String schoolId, int limit) {
        return list(em.createQuery("select p from StoredPurchase p where p.schoolId = :school"
                        + " order by p.createdAt desc, p.id", StoredPurchase.class)
                .setParameter("school", schoolId).setMaxResults(limit));
    }

    /**
     * Purchases of every school, newest first (then by id, descending); a null filter matches all:
     * {@code flagged} those with a flag not resolved yet, {@code resolved} those finance resolved;
     * {@code after}, when given, is the last purchase of the previous page.
     */
    public List<Purchase> list(Purchase.Status status, Boolean flagged, Boolean resolved, Purchase after, int limit) {
        StringBuilder where = new StringBuilder("select p from StoredPurchase p where 1 = 1");
        if (status != null) {
            where.append(" and p.status = :status");
        }
        if (flagged != null) {
            where.append(" and function('cardinality', p.flagReasons) ").append(flagged ? ">" : "<=")
                    .append(" p.resolvedFlags");
        }
        if (resolved != null) {
            where.append(resolved ? " and p.resolution is not null" : " and p.resolution is null");
        }
        if (after != null) {
            where.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
        }
        where.append(" order by p.createdAt desc, p.id desc");
        TypedQuery<StoredPurchase> query = em.createQuery(where.toString(), StoredPurchase.class);
        if (status != null) {
            query.setParameter("status", status.code());
        }
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        return list(query.setMaxResults(limit));
    }

    private jakarta.persistence.Query update(String set, Purchase p) {
        return update(set, p, "");
    }

    private jakarta.persistence.Query update(String set, Purchase p, String and) {
        return em.createQuery(set + " where p.schoolId = :school and p.id = :id" + and)
                .setParameter("school", p.schoolId()).setParameter("id", p.id());
    }

    private List<Purchase> list(TypedQuery<StoredPurchase> query) {
        return query.getResultList().stream().map(this::view).toList();
    }

    private Optional<Purchase> one(TypedQuery<StoredPurchase> query) {
        return list(query).stream().findFirst();
    }

    private Purchase view(StoredPurchase row) {
        if (em.isJoinedToTransaction()) { // outside a transaction the context ends with the call anyway
            em.detach(row);
        }
        return row.view();
    }
}
