package org.schoolcredits.metering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.schoolcredits.storage.Jobs;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * Releases holds nobody captured or released in time, every 30 seconds on every instance; the
 * ledger's {@code FOR UPDATE SKIP LOCKED} makes each hold expire once across the cluster.
 */
@ApplicationScoped
public class HoldSweep {

    private static final Logger LOG = Logger.getLogger(HoldSweep.class.getName());

    @Inject
    MeteringService metering;

    void start(@Observes SchemaMigrated migrated, Jobs jobs) {
        jobs.every(Duration.ofSeconds(30), "the hold sweep", this::sweep);
    }

    void sweep() {
        int released = metering.releaseExpired();
        if (released > 0) {
            LOG.info(() -> "School Credits: released " + released + " expired hold(s)");
        }
    }
}
