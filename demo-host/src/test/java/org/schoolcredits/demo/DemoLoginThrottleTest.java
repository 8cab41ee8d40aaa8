package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoLoginThrottleTest {

    final DemoLoginThrottle throttle = new DemoLoginThrottle();
    final long start = 1_000_000;
    final long second = TimeUnit.SECONDS.toNanos(1);

    @Test
    @DisplayName("10 failed sign-ins for one account from several addresses stop that account everywhere for 5 minutes")
    void perAccount() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, throttle.retryAfter("admin@oakwood", "10.0.0." + i, start + i * second));
            throttle.failed("admin@oakwood", "10.0.0." + i, start + i * second);
        }
        long wait = throttle.retryAfter("admin@oakwood", "10.9.9.9", start + 10 * second);
        assertTrue(wait > 280 && wait <= 300, "wait " + wait);
        assertEquals(0, throttle.retryAfter("staff@oakwood", "10.9.9.9", start + 10 * second), "another account");
        assertEquals(0, throttle.retryAfter("admin@oakwood", "10.9.9.9", start + DemoLoginThrottle.WINDOW + second),
                "the window passes");
    }

    @Test
    @DisplayName("10 failed sign-ins from one address stop that address for any account, the right password too")
    void perAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("guess" + i + "@oakwood", "10.0.0.1", start + i * second);
        }
        assertTrue(throttle.retryAfter("admin@oakwood", "10.0.0.1", start + 10 * second) > 0);
        assertEquals(0, throttle.retryAfter("admin@oakwood", "10.0.0.2", start + 10 * second), "another address");
    }

    @Test
    @DisplayName("a success forgets that account's failures from its own address only, not another address's")
    void successResetsOnlyItsAddress() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("admin@oakwood", "10.0.0.66", start + i * second);
        }
        throttle.failed("admin@oakwood", "10.0.0.7", start + 9 * second);
        throttle.succeeded("admin@oakwood", "10.0.0.7");
        assertEquals(0, throttle.retryAfter("admin@oakwood", "10.0.0.66", start + 10 * second));
        throttle.failed("admin@oakwood", "10.0.0.66", start + 10 * second);
        assertTrue(throttle.retryAfter("admin@oakwood", "10.0.0.66", start + 11 * second) > 0,
                "the success elsewhere did not reset the guesser's count");
        throttle.succeeded("admin@oakwood", "10.0.0.66");
        assertEquals(0, throttle.retryAfter("admin@oakwood", "10.0.0.7", start + 11 * second));
    }
}
