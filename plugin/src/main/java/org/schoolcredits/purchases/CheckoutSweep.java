package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.schoolcredits.storage.Jobs;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * Every 5 minutes on every instance, expires card purchases whose Checkout Session was never
 * recorded ({@link CheckoutSteps#expireUnopened}): one conditional update, so instances racing
 * expire each purchase once.
 */
@ApplicationScoped
public class CheckoutSweep {

    private static final Logger LOG = Logger.getLogger(CheckoutSweep.class.getName());

    @Inject
    CheckoutSteps steps;

    void start(@Observes SchemaMigrated migrated, Jobs jobs) {
        jobs.every(Duration.ofMinutes(5), "the unopened checkout sweep", this::sweep);
    }

    void sweep() {
        int expired = steps.expireUnopened();
        if (expired > 0) {
            LOG.info(() -> "School Credits: expired " + expired + " card purchase(s) whose checkout was never opened");
        }
    }
}
