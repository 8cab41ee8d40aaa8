package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.ConfigDefaults;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class RateLimitsTest {

    @Test
    @DisplayName("600 failed webhook signatures a minute per address pass as themselves; the 601st is a 429 with a retry time")
    void webhookFailures() {
        RateLimits limits = new RateLimits(ConfigDefaults.bind(RateLimitsConfig.class));
        long start = 1_800_000_000_000L - 1_800_000_000_000L % 60_000;
        for (int i = 0; i < 600; i++) {
            limits.count("webhook", "address:203.0.113.9", start + i);
        }
        CreditsException limited = assertThrows(CreditsException.class,
                () -> limits.count("webhook", "address:203.0.113.9", start + 700));
        assertEquals(ProblemCode.RATE_LIMITED, limited.code());
        assertEquals(60L, limited.extensions().get("retryAfter"));
        limits.count("webhook", "address:198.51.100.7", start + 701);
    }
}
