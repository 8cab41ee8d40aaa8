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
    private volatile boolean migrated;

    /** The demo's tables exist: from now on the offset is read. Before, the plugin migrates and seeds on system time. */
    public void migrated() {
        migrated = true;
    }

    @Override
    public Instant now() {
        if (!migrated) {
            return Instant.now();
        }
        long nanos = System.nanoTime();
        if (readAt == Long.MIN_VALUE || nanos - readAt > REFRESH_NANOS) {
            offsetSeconds = db.one("select offset_seconds from demo.clock where id = 1", rs -> rs.getLong(1))
                    .orElse(0L);
            readAt = nanos;
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
