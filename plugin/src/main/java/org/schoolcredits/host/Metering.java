package org.schoolcredits.host;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Implemented by the plugin; called by the host around an action that costs credits and may
 * fail (an SMS, a DVLA check). Each call runs in its own transaction unless the host's is
 * active, which it then joins.
 *
 * <ol>
 *   <li>{@link #reserve} before the action: the credits are held, or
 *       {@link InsufficientCreditsException} says nothing was done;</li>
 *   <li>{@link #capture} when the action succeeded, or {@link #release} when it failed (the
 *       credits return and the history shows the usage as refunded).</li>
 * </ol>
 * A hold neither captured nor released in time is released by the plugin itself.
 * <p>
 * A school that has not enabled the plugin (never, or since {@link SchoolDisabled}) is outside it:
 * {@link #reserve} and {@link #reserveAll} refuse with {@link SchoolNotEnabledException} and charge
 * nothing. Ask {@link #isEnabled} before a paid action and decide what such a school may do.
 */
public interface Metering {

    /** Whether the school has the plugin enabled (known to every instance within a second of a change). */
    boolean isEnabled(String schoolId);

    /** Holds the price in force of {@code quantity} × {@code feature} for the caller's school. */
    Reservation reserve(Caller by, Feature feature, long quantity, String reference);

    /** Holds several actions at once, all or none: a bulk SMS is checked as a whole. */
    java.util.List<Reservation> reserveAll(Caller by, Feature feature, java.util.List<String> references);

    void capture(String schoolId, String reservationId);

    void release(String schoolId, String reservationId);

    record Reservation(String id, BigDecimal amount, OffsetDateTime expiresAt) {
    }
}
