package org.schoolcredits.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.schoolcredits.host.CallerProvider;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Fixed one-minute windows per (limit, school or source address), kept in this instance's
 * memory: each instance enforces the limit on its own. Over the limit: 429 with Retry-After.
 */
@Priority(Priorities.USER + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final RateWindows WINDOWS = new RateWindows();
    private static final Map<String, Integer> DEFAULTS = Map.of("purchases", 20, "webhook", 600);

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    CallerProvider callers;

    @Inject
    Config config;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return;
        }
        int limit = config.getOptionalValue("credits.rate-limit." + limited.value(), Integer.class)
                .orElse(DEFAULTS.getOrDefault(limited.value(), 60));
        String who = callers.current().map(c -> c.schoolId() != null ? "school:" + c.schoolId() : "user:" + c.userId())
                .orElse("address:" + http.getRemoteAddr());
        long retryAfter = WINDOWS.call(limited.value() + "|" + who, limit, System.currentTimeMillis());
        if (retryAfter > 0) {
            throw new CreditsException(ProblemCode.RATE_LIMITED, "Too many requests: at most " + limit
                    + " a minute; try again in " + retryAfter + " s", Map.of("retryAfter", retryAfter));
        }
    }
}
