package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.storage.Jdbc;

/**
 * The e-mail outbox. An e-mail is written in the transaction of its cause, so it exists exactly
 * when the cause committed; {@link Delivery} sends it afterwards. A sender claims due rows by
 * moving their {@code next_attempt_at} forward by a lease, in a short transaction of its own with
 * {@code FOR UPDATE SKIP LOCKED}, so that another sender (another instance) skips them while it
 * sends; it marks each sent, or failed with the time of the next attempt, in a transaction of its own.
 */
@ApplicationScoped
public class Outbox {

    private Jdbc db;
    private CreditsClock clock;

    protected Outbox() {
    }

    @Inject
    public Outbox(Jdbc db, CreditsClock clock) {
        this.db = db;
        this.clock = clock;
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
        Instant now = clock.now();
        return db.update("insert into outbox (school_id, kind, dedupe_key, recipient, subject, text_body, html_body,"
                        + " created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                schoolId, kind, dedupeKey, email.recipient(), email.subject(), email.text(), email.html(), now,
                now) == 1;
    }

    /** Claims up to {@code limit} due e-mails for {@code lease}, counting an attempt for each. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxEmail> claim(int limit, Duration lease) {
        Instant now = clock.now();
        return db.list("update outbox set next_attempt_at = ?, attempts = attempts + 1 where (school_id, email_id) in"
                        + " (select school_id, email_id from outbox where sent_at is null and next_attempt_at <= ?"
                        + " order by next_attempt_at, email_id limit ? for update skip locked) returning *",
                OutboxEmail::of, now.plus(lease), now, limit).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEmail::id)).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(OutboxEmail email) {
        db.update("update outbox set sent_at = ?, last_error = null where school_id = ? and email_id = ?"
                + " and sent_at is null", clock.now(), email.schoolId(), email.id());
    }

    /** The attempt failed: the next one is due at {@code retryAt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(OutboxEmail email, Instant retryAt, String error) {
        db.update("update outbox set next_attempt_at = ?, last_error = ? where school_id = ? and email_id = ?"
                        + " and sent_at is null", retryAt, error == null ? "unknown error" : truncate(error),
                email.schoolId(), email.id());
    }

    /** Hands back a claimed e-mail that was not tried: due again at once, the attempt not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(OutboxEmail email) {
        db.update("update outbox set next_attempt_at = ?, attempts = attempts - 1 where school_id = ?"
                + " and email_id = ? and sent_at is null", clock.now(), email.schoolId(), email.id());
    }

    /** The newest e-mails first, of one school or ({@code schoolId} null) of all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEmail> recent(String schoolId, int limit) {
        return db.list("select * from outbox where (?::text is null or school_id = ?) order by email_id desc limit ?",
                OutboxEmail::of, schoolId, schoolId, limit);
    }

    private static String truncate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
