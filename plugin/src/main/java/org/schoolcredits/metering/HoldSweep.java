package org.schoolcredits.metering;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases holds nobody captured or released in time, every 30 seconds on every instance; the
 * ledger's {@code FOR UPDATE SKIP LOCKED} makes each hold expire once across the cluster.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HoldSweep {

    private static final Logger LOG = Logger.getLogger(HoldSweep.class.getName());

    @Inject
    MeteringService metering;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        try {
            int released = metering.releaseExpired();
            if (released > 0) {
                LOG.info(() -> "School Credits: released " + released + " expired hold(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "School Credits: the hold sweep failed; it runs again shortly", e);
        }
    }
}
