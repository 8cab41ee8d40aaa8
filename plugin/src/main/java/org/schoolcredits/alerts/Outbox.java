package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * The e-mail outbox. An e-mail is written in the transaction of its cause, so it exists exactly
 * when the cause committed; {@link Delivery} sends it afterwards. A sender claims due rows by
 * moving their {@code next_attempt_at} forward by a lease, in a short transaction of its own with
 * {@code FOR UPDATE SKIP LOCKED}, so that another sender (another instance) skips them while it
 * sends; it marks each sent, or failed with the time of the next attempt, in a transaction of its own.
 * The rows are {@link QueuedEmail} entities; writing one ({@code ON CONFLICT}) and claiming due ones
 * ({@code SKIP LOCKED}) are native statements.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;
    private CreditsClock clock;

    protected Outbox() {
    }

    @Inject
    public Outbox(CreditsClock clock) {
        this.clock = clock;
    }

    /** Outside the container (tests): on {@code em}. */
    public Outbox(EntityManager em, CreditsClock clock) {
        this(clock);
        this.em = em;
    }

    /**
     * Writes one e-mail in the caller's transaction, due at once.
     *
     * @param kind      what sort of e-mail it is, e.g. {@code low_balance}
     * @param dedupeKey what caused it when the cause may be reported again (a purchase id), or
     *                  {@code null}: a school gets one e-mail per key and recipient
     * @return false when an e-mail with this key went to this recipient before, and nothing was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String schoolId, String kind, String dedupeKey, Email email) {
        var now = clock.now().atOffset(ZoneOffset.UTC);
        return em.createNativeQuery("insert into outbox (school_id, kind, dedupe_key, recipient, subject, text_body,"
                        + " html_body, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .setParameter(1, schoolId).setParameter(2, kind).setParameter(3, dedupeKey)
                .setParameter(4, email.recipient()).setParameter(5, email.subject()).setParameter(6, email.text())
                .setParameter(7, email.html()).setParameter(8, now).setParameter(9, now).executeUpdate() == 1;
    }

    /** Claims up to {@code limit} due e-mails for {@code lease}, counting an attempt for each. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxEmail> claim(int limit, Duration lease) {
        Instant now = clock.now();
        List<?> claimed = em.createNativeQuery("update outbox set next_attempt_at = ?, attempts = attempts + 1"
                        + " where (school_id, email_id) in (select school_id, email_id from outbox where sent_at is null"
                        + " and next_attempt_at <= ? order by next_attempt_at, email_id limit ? for update skip locked)"
                        + " returning *", QueuedEmail.class)
                .setParameter(1, now.plus(lease).atOffset(ZoneOffset.UTC)).setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, limit).getResultList();
        return claimed.stream().map(row -> ((QueuedEmail) row).view())
                .sorted(Comparator.comparingLong(OutboxEmail::id)).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(OutboxEmail email) {
        update("update QueuedEmail e set e.sentAt = :now, e.lastError = null", email, clock.now(), null);
    }

    /** The attempt failed: the next one is due at {@code retryAt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(OutboxEmail email, Instant retryAt, String error) {
        update("update QueuedEmail e set e.nextAttemptAt = :now, e.lastError = :error", email, retryAt,
                error == null ? "unknown error" : truncate(error));
    }

    /** Hands back a claimed e-mail that was not tried: due again at once, the attempt not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(OutboxEmail email) {
        update("update QueuedEmail e set e.nextAttemptAt = :now, e.attempts = e.attempts - 1", email, clock.now(), null);
    }

    /** The newest e-mails first, of one school or ({@code schoolId} null) of all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEmail> recent(String schoolId, int limit) {
        var query = schoolId == null
                ? em.createQuery("select e from QueuedEmail e order by e.id desc", QueuedEmail.class)
                : em.createQuery("select e from QueuedEmail e where e.schoolId = :school order by e.id desc",
                        QueuedEmail.class).setParameter("school", schoolId);
        return query.setMaxResults(limit).getResultList().stream().map(QueuedEmail::view).toList();
    }

    /** Sets {@code set} on the e-mail if it is not sent yet ({@code :now}, and {@code :error} when given). */
    private void update(String set, OutboxEmail email, Instant now, String error) {
        var update = em.createQuery(set + " where e.schoolId = :school and e.id = :id and e.sentAt is null")
                .setParameter("now", now).setParameter("school", email.schoolId()).setParameter("id", email.id());
        if (error != null) {
            update.setParameter("error", error);
        }
        update.executeUpdate();
    }

    private static String truncate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
