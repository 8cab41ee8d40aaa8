package org.schoolcredits.allowance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.schoolcredits.storage.Jobs;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * Looks for a month end every 30 seconds on every instance (the clock may be moved forward);
 * the ledger's row locks and unique grants make each expiry and allowance happen once.
 */
@ApplicationScoped
public class MonthEnd {

    private static final Logger LOG = Logger.getLogger(MonthEnd.class.getName());

    @Inject
    Allowances allowances;

    void start(@Observes SchemaMigrated migrated, Jobs jobs) {
        jobs.every(Duration.ofSeconds(30), "the month-end job", this::run);
    }

    void run() {
        int granted = allowances.monthEnd();
        if (granted > 0) {
            LOG.info(() -> "School Credits: granted " + granted + " monthly allowance(s)");
        }
    }
}
