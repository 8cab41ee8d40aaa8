package org.schoolcredits.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls of this resource method are limited per minute: per school for school callers, per
 * source address for public calls. The limit is {@code credits.rate-limit.<value>} ({@link RateLimits}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    String value();
}
