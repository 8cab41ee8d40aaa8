package org.schoolcredits.host;

/**
 * Fired by the host, synchronously and inside its own transaction, after a school's plan
 * changed. Becoming Pro grants this month's Connect allowance at once.
 */
public record PlanChanged(String schoolId, Plan plan) {
}
