package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateWindowsTest {

    @Test
    @DisplayName("calls over the limit in a minute are refused until the next minute, per key")
    void limitsPerKeyAndMinute() {
        RateWindows windows = new RateWindows();
        long start = 1_800_000_000_000L - 1_800_000_000_000L % 60_000 + 10_000;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, windows.call("purchases|school:oakwood", 3, start + i));
        }
        long retryAfter = windows.call("purchases|school:oakwood", 3, start + 5);
        assertTrue(retryAfter > 0 && retryAfter <= 50, "retry after " + retryAfter);
        assertEquals(0, windows.call("purchases|school:riverside", 3, start + 6), "another school has its own window");
        assertEquals(0, windows.call("purchases|school:oakwood", 3, start + 60_000), "a new minute starts afresh");
    }
}
