package org.schoolcredits.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * Sends the outbox every 10 seconds on every instance; the outbox's leases
 * ({@code FOR UPDATE SKIP LOCKED}) make each e-mail go out once across the cluster. Says once, at
 * start, whether e-mail goes anywhere.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryJob {

    private static final Logger LOG = Logger.getLogger(DeliveryJob.class.getName());

    @Inject
    Delivery delivery;

    @Inject
    Smtp smtp;

    @Inject
    CreditsDatabase database;

    @PostConstruct
    void start() {
        if (smtp.configured()) {
            LOG.info(() -> "School Credits: e-mail goes through the SMTP server " + smtp.server());
        } else {
            LOG.info("School Credits: no SMTP server is configured (SMTP_HOST), so no e-mail is sent;"
                    + " e-mails stay in the outbox (GET /api/credits/platform/outbox)");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void run() {
        if (!smtp.configured() || !database.migrated()) {
            return;
        }
        try {
            int sent;
            do {
                sent = delivery.deliverDue();
                int batch = sent;
                if (batch > 0) {
                    LOG.fine(() -> "School Credits: sent " + batch + " e-mail(s)");
                }
            } while (sent == Delivery.BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "School Credits: the e-mail delivery failed; it runs again shortly", e);
        }
    }
}
