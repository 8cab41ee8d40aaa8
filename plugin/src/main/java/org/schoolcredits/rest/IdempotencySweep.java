package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.schoolcredits.storage.Jobs;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * Deletes expired Idempotency-Keys every minute on every instance, at most {@link #MAX_BATCHES}
 * batches a run (the rest waits for the next); {@code SKIP LOCKED} keeps two instances off the same rows.
 */
@ApplicationScoped
public class IdempotencySweep {

    static final int MAX_BATCHES = 10;
    private static final Logger LOG = Logger.getLogger(IdempotencySweep.class.getName());

    @Inject
    IdempotencyKeys keys;

    void start(@Observes SchemaMigrated migrated, Jobs jobs) {
        jobs.every(Duration.ofMinutes(1), "the idempotency-key sweep", this::sweep);
    }

    void sweep() {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int now = keys.expire(IdempotencyKeys.BATCH);
            deleted += now;
            if (now < IdempotencyKeys.BATCH) {
                break;
            }
        }
        int total = deleted;
        LOG.fine(() -> "School Credits: deleted " + total + " expired Idempotency-Key(s)");
    }
}
