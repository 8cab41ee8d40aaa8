package org.schoolcredits.allowance;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for a month end every 30 seconds on every instance (the clock may be moved forward);
 * the ledger's row locks and unique grants make each expiry and allowance happen once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthEnd {

    private static final Logger LOG = Logger.getLogger(MonthEnd.class.getName());

    @Inject
    Allowances allowances;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void run() {
        try {
            int granted = allowances.monthEnd();
            if (granted > 0) {
                LOG.info(() -> "School Credits: granted " + granted + " monthly allowance(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "School Credits: the month-end job failed; it runs again shortly", e);
        }
    }
}
