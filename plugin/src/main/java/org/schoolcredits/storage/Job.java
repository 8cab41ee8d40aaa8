package org.schoolcredits.storage;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of a scheduled job that nothing can stop: whatever the work throws (a database outage, a
 * bug, an {@link Error}) is caught here, so the scheduler calls it again at the next run. A failure
 * is logged once, when it starts, and the recovery once, when the job works again: an outage of an
 * hour writes two lines, not one per run. Runs never overlap (a fixed delay), so the count needs no lock.
 */
public final class Job implements Runnable {

    private static final Logger LOG = Logger.getLogger(Job.class.getName());

    private final String name;
    private final Runnable work;
    private int failures;

    /** {@code name} reads in a sentence: "the hold sweep". */
    public Job(String name, Runnable work) {
        this.name = name;
        this.work = work;
    }

    @Override
    public void run() {
        try {
            work.run();
        } catch (Throwable failure) { // nothing may reach the scheduler: it would stop the job
            failures++;
            if (failures == 1) {
                LOG.log(Level.WARNING, "School Credits: " + name + " failed; it is tried again at every run, and"
                        + " logged again once it works: " + failure, failure);
            }
            return;
        }
        if (failures > 0) {
            int failed = failures;
            failures = 0;
            LOG.info(() -> "School Credits: " + name + " works again, after " + failed + " failed run(s)");
        }
    }
}
