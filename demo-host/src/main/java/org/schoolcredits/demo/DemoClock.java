package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.schoolcredits.host.HostClock;

/**
 * The demo's time: the system clock moved forward by an offset kept in the database, so that
 * every instance agrees and a month end can be shown. It reads the offset at most once a second.
 */
@ApplicationScoped
public class DemoClock implements HostClock {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    DemoDb db;

    private volatile long offsetSeconds;
    private volatile long readAt = Long.MIN_VALUE;

    @Override
    public Instant now() {
        long nanos = System.nanoTime();
        if (readAt == Long.MIN_VALUE || nanos - readAt > REFRESH_NANOS) {
            try {
                offsetSeconds = db.one("select offset_seconds from demo.clock where id = 1", rs -> rs.getLong(1))
                        .orElse(0L);
                readAt = nanos;
            } catch (IllegalStateException e) {
                // the demo's tables are not migrated yet (the plugin starts first): time has not moved
                return Instant.now();
            }
        }
        return Instant.now().plusSeconds(offsetSeconds);
    }

    /** Moves the demo forward; every instance sees it within a second. */
    public Instant advance(Duration by) {
        db.update("update demo.clock set offset_seconds = offset_seconds + ? where id = 1", by.toSeconds());
        readAt = Long.MIN_VALUE;
        return now();
    }
}
