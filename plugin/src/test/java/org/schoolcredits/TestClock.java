package org.schoolcredits;

import java.time.Duration;
import java.time.Instant;
import org.schoolcredits.kernel.CreditsClock;

/** A clock a test moves by hand. */
public class TestClock extends CreditsClock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
