package org.schoolcredits.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state-changing method that {@link CrossSiteFilter} lets through whatever the {@code Origin}:
 * it proves its caller otherwise (Stripe's webhook: a signature; Stripe sends no Origin).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyOrigin {
}
