package org.schoolcredits.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;
import org.schoolcredits.catalog.Price;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsProblem;
import org.schoolcredits.host.LearnerCredits;
import org.schoolcredits.host.LearnerDeleted;
import org.schoolcredits.host.LearnerRegistering;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * Registers and erases learners. A learner new to the school costs the learner price in force,
 * redeemed in the same transaction as the learner row whose primary key makes it happen once;
 * when no credits are left {@code InsufficientCreditsException} vetoes the registration; a school
 * that has not enabled the plugin is neither charged nor vetoed. The host's events are observed
 * inside the host's transaction, never one of their own.
 */
@ApplicationScoped
public class Learners implements LearnerCredits {

    static final String NOT_ENABLED = "Learner registered. School Credits is not enabled for this school: no credit"
            + " was used.";

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;
    private Ledger ledger;
    private PriceList prices;
    private LearnerRefs refs;
    private CreditsClock clock;
    private RegistrationsInTransaction thisTransaction;

    @Inject
    Instance<SchoolDirectory> schools;

    protected Learners() {
    }

    @Inject
    public Learners(Ledger ledger, PriceList prices, LearnerRefs refs, CreditsClock clock,
                    RegistrationsInTransaction thisTransaction) {
        this.ledger = ledger;
        this.prices = prices;
        this.refs = refs;
        this.clock = clock;
        this.thisTransaction = thisTransaction;
    }

    /** Outside the container (tests): on {@code em}. */
    public Learners(EntityManager em, Ledger ledger, PriceList prices, LearnerRefs refs, CreditsClock clock,
                    RegistrationsInTransaction thisTransaction) {
        this(ledger, prices, refs, clock, thisTransaction);
        this.em = em;
    }

    /** Redeems one learner credit for a learner new to the school; nothing for one registered before. */
    @Transactional
    public Registration register(String schoolId, String learnerRef, Caller by) {
        String ref = LearnerRefs.valid(learnerRef);
        String hash = refs.hash(schoolId, ref);
        // once per learner: the row's key, not a look-up before the insert
        boolean isNew = em.createNativeQuery("insert into learner (school_id, ref_hash, learner_ref, registered_at)"
                        + " values (?, ?, ?, ?) on conflict do nothing").setParameter(1, schoolId).setParameter(2, hash)
                .setParameter(3, ref).setParameter(4, clock.now().atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
        Price price = prices.inForce(Feature.LEARNER_REGISTRATION);
        Credits remaining;
        if (isNew) {
            remaining = ledger.redeem(schoolId, Feature.LEARNER_REGISTRATION, price.credits(), price.version(),
                    "learner:" + hash, Actor.of(by));
        } else {
            em.createQuery("update LearnerReference l set l.learnerRef = :ref, l.deletedAt = null"
                            + " where l.schoolId = :school and l.refHash = :hash and l.deletedAt is not null")
                    .setParameter("ref", ref).setParameter("school", schoolId).setParameter("hash", hash)
                    .executeUpdate();
            remaining = ledger.balance(schoolId, CreditType.LEARNER).available();
        }
        return new Registration(isNew, remaining.toDecimal(), message(isNew, remaining, price.credits(),
                whomToAsk(schoolId, by)));
    }

    /** Erases what identifies a current learner, keeping its hash; false when there is no such learner. */
    @Transactional
    public boolean erase(String schoolId, String learnerRef) {
        String ref = learnerRef == null ? "" : learnerRef.strip();
        return !ref.isEmpty() && em.createQuery("update LearnerReference l set l.learnerRef = null,"
                        + " l.deletedAt = :now where l.schoolId = :school and l.refHash = :hash and l.deletedAt is null")
                .setParameter("now", clock.now()).setParameter("school", schoolId)
                .setParameter("hash", refs.hash(schoolId, ref)).executeUpdate() == 1;
    }

    @Override
    public Registration registration(String schoolId, String learnerRef) {
        return thisTransaction.find(schoolId, LearnerRefs.valid(learnerRef)).orElseThrow(() ->
                new IllegalStateException("this transaction registered no such learner: fire LearnerRegistering first"));
    }

    /**
     * Charges the learner to an enabled school, or vetoes; a school that has not enabled the plugin
     * (never, or since {@code SchoolDisabled}) is outside it: nothing charged, nothing vetoed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void registering(@Observes LearnerRegistering event) {
        Registration registration = ledger.isEnabled(event.schoolId())
                ? register(event.schoolId(), event.learnerRef(), event.by())
                : new Registration(false, ledger.balance(event.schoolId(), CreditType.LEARNER).available().toDecimal(),
                        NOT_ENABLED);
        thisTransaction.put(event.schoolId(), LearnerRefs.valid(event.learnerRef()), registration);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(@Observes LearnerDeleted event) {
        erase(event.schoolId(), event.learnerRef());
    }

    /**
     * Whom a user who may not buy asks for more credits: the school's admins by name, or an empty
     * list when the host names none; null for a user who may buy.
     */
    private List<String> whomToAsk(String schoolId, Caller by) {
        if (by != null && by.has(InsufficientCreditsProblem.MAY_BUY)) {
            return null;
        }
        return schools != null && schools.isResolvable() ? schools.get().adminNames(schoolId) : List.of();
    }

    static String message(boolean charged, Credits remaining, Credits price) {
        return message(charged, remaining, price, null);
    }

    /** {@code askAdmins} null: the user may buy; otherwise they are told to ask a school admin (these, by name). */
    static String message(boolean charged, Credits remaining, Credits price, List<String> askAdmins) {
        StringBuilder text = new StringBuilder("Learner registered. ");
        if (!charged) {
            text.append("No credit was used: this learner was registered before. ");
        }
        text.append("You have ").append(remaining).append(" learner ")
                .append(remaining.equals(Credits.of(1)) ? "credit" : "credits").append(" remaining.");
        if (remaining.compareTo(price) < 0 && askAdmins == null) {
            text.append(" Buy more before you register another learner.");
        } else if (remaining.compareTo(price) < 0) {
            text.append(" Ask a school admin to buy more before you register another learner")
                    .append(askAdmins.isEmpty() ? "." : ": " + String.join(", ", askAdmins) + ".");
        }
        return text.toString();
    }
}
