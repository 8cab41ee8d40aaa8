package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.schoolcredits.kernel.CreditsClock;

/**
 * Sends the outbox's due e-mails, after their causes committed. It claims a batch under a lease
 * (see {@link Outbox}), sends each, and marks it sent in a transaction of its own; a failed send is
 * tried again after 30 s, 1 min, 2 min, ... up to once an hour, never given up, so no e-mail is
 * lost while the SMTP server is down. When the server is unreachable, the rest of the batch waits
 * for its next attempt too.
 * <p>
 * Exactly once, with one exception: a sender that stops (a crash, a kill) after the server took
 * an e-mail but before it marked it sent leaves the row claimed; when the lease ends, a sender
 * sends it again. That e-mail then arrives twice, at most, and no other way. A sender that has
 * worked on a batch for half the lease hands the rest back rather than risk outliving its lease.
 * <p>
 * Without an SMTP server ({@code smtp.host}) nothing is claimed, sent or marked: the e-mails
 * stay in the outbox, unsent, where the platform's outbox page shows them.
 */
@ApplicationScoped
public class Delivery {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private Outbox outbox;
    private Smtp smtp;
    private CreditsClock clock;
    private int batch;

    protected Delivery() {
    }

    @Inject
    public Delivery(Outbox outbox, Smtp smtp, CreditsClock clock) {
        this(outbox, smtp, clock, BATCH);
    }

    Delivery(Outbox outbox, Smtp smtp, CreditsClock clock, int batch) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
        this.batch = batch;
    }

    public boolean configured() {
        return smtp.configured();
    }

    /** Sends one batch of due e-mails; returns how many were sent ({@link #BATCH} at most). */
    public int deliverDue() {
        if (!smtp.configured()) {
            return 0;
        }
        List<OutboxEmail> claimed = outbox.claim(batch, LEASE);
        long started = System.nanoTime();
        int sent = 0;
        String serverDown = null;
        for (OutboxEmail email : claimed) {
            if (serverDown != null) {
                outbox.failed(email, clock.now().plus(backoff(email.attempts())), serverDown);
                continue;
            }
            if (System.nanoTime() - started > LEASE.toNanos() / 2) {
                outbox.release(email);
                continue;
            }
            try {
                smtp.send(email.schoolId() + "/" + email.id(), email.email());
            } catch (Smtp.Failure e) {
                outbox.failed(email, clock.now().plus(backoff(email.attempts())), e.getMessage());
                if (!e.recipientRefused()) {
                    serverDown = e.getMessage();
                }
                continue;
            }
            outbox.sent(email);
            sent++;
        }
        return sent;
    }

    /** How long to wait after the {@code attempts}-th failed attempt: 30 s, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
