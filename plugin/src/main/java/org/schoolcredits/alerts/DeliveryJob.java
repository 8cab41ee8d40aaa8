package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.schoolcredits.storage.Jobs;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * Sends the outbox every 10 seconds on every instance; the outbox's leases
 * ({@code FOR UPDATE SKIP LOCKED}) make each e-mail go out once across the cluster. Says once, at
 * start, whether e-mail goes anywhere.
 */
@ApplicationScoped
public class DeliveryJob {

    private static final Logger LOG = Logger.getLogger(DeliveryJob.class.getName());

    @Inject
    Delivery delivery;

    @Inject
    Smtp smtp;

    void start(@Observes SchemaMigrated migrated, Jobs jobs) {
        if (smtp.configured()) {
            LOG.info(() -> "School Credits: e-mail goes through the SMTP server " + smtp.server());
            jobs.every(Duration.ofSeconds(10), "the e-mail delivery", this::run);
        } else {
            LOG.info("School Credits: no SMTP server is configured (SMTP_HOST), so no e-mail is sent;"
                    + " e-mails stay in the outbox (GET /api/credits/platform/outbox)");
        }
    }

    void run() {
        int sent;
        do {
            sent = delivery.deliverDue();
            int batch = sent;
            if (batch > 0) {
                LOG.fine(() -> "School Credits: sent " + batch + " e-mail(s)");
            }
        } while (sent == Delivery.BATCH);
    }
}
