package org.schoolcredits.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.schoolcredits.host.CallerProvider;

/** Counts each call of a {@link RateLimited} method against its {@link RateLimits limit}: 429 past it. */
@Priority(Priorities.USER + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    CallerProvider callers;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return;
        }
        String who = callers.current().map(c -> c.schoolId() != null ? "school:" + c.schoolId() : "user:" + c.userId())
                .orElse("address:" + http.getRemoteAddr());
        limits.count(limited.value(), who);
    }
}
