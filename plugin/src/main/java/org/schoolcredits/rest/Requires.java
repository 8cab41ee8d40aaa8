package org.schoolcredits.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs. School permissions also need the caller's school
 * to have the plugin enabled; {@link Permission#PLATFORM} needs a caller with no school.
 * A method with neither this nor {@link Public} is refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();
}
