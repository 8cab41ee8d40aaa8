package org.schoolcredits.storage;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plugin's scheduled work on every instance, on the container's managed scheduled
 * executor rather than EJB timers: Payara expunges a timer after two failed deliveries (a database
 * outage of 45 s did it), and a plain scheduled task stops at its first exception. Each run goes
 * through {@link Job}, which lets nothing escape, so a job outlives any outage. Running once across
 * instances is each job's own business (row locks, {@code SKIP LOCKED}, unique constraints).
 */
@ApplicationScoped
public class Jobs {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService executor;

    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    protected Jobs() {
    }

    /** On {@code executor} (a test's). */
    public Jobs(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code work} every {@code period} (from the end of one run to the start of the next), first after one period. */
    public void every(Duration period, String name, Runnable work) {
        long millis = period.toMillis();
        scheduled.add(executor.scheduleWithFixedDelay(new Job(name, work), millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(job -> job.cancel(false));
    }
}
