package org.schoolcredits.allowance;

import java.time.Instant;
import org.schoolcredits.kernel.Credits;

/**
 * The allowance capability's event: a Pro school's monthly Connect allowance was granted, on
 * becoming Pro or at a month start (not when a Pro school enables the plugin). Fired synchronously
 * inside the grant's transaction, so that an observer (the alerts' e-mail to the school admins)
 * writes its rows in that same transaction: committed with the grant, or not at all.
 *
 * @param month     the allowance's month, e.g. {@code 2026-12}
 * @param expiresAt when what is left of it expires
 */
public record AllowanceGranted(String schoolId, String month, Credits amount, Instant expiresAt) {
}
