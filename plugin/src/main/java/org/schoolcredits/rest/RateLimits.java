package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The plugin's rate limits: fixed one-minute windows per (limit, school or source address), kept
 * in this instance's memory, so each instance enforces a limit on its own. A limit is
 * {@code credits.rate-limit.<name>}: {@code purchases} (20 a minute per school) counts every
 * purchase; {@code webhook} (600 a minute per source address) counts only Stripe events whose
 * signature fails, so a correctly signed event is never limited.
 */
@ApplicationScoped
public class RateLimits {

    private final RateWindows windows = new RateWindows();

    @Inject
    @ConfigProperties
    RateLimitsConfig config;

    protected RateLimits() {
    }

    public RateLimits(RateLimitsConfig config) {
        this.config = config;
    }

    /** Counts one call of {@code who} against the limit {@code name}; 429 with Retry-After past it. */
    public void count(String name, String who) {
        count(name, who, System.currentTimeMillis());
    }

    void count(String name, String who, long nowMillis) {
        int limit = switch (name) {
            case "purchases" -> config.purchases;
            case "webhook" -> config.webhook;
            default -> throw new IllegalArgumentException("no rate limit named " + name);
        };
        long retryAfter = windows.call(name + "|" + who, limit, nowMillis);
        if (retryAfter > 0) {
            throw new CreditsException(ProblemCode.RATE_LIMITED, "Too many requests: at most " + limit
                    + " a minute; try again in " + retryAfter + " s", Map.of("retryAfter", retryAfter));
        }
    }
}
