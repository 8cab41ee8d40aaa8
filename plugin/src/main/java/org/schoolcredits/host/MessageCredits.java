package org.schoolcredits.host;

import java.math.BigDecimal;

/**
 * Implemented by the plugin; called by the host after {@link MessageSending} or {@link MessageOutcome}
 * (in the same transaction or a later one) to tell the user what a send costs.
 */
public interface MessageCredits {

    /**
     * The parts of the send and their credits, by state so far.
     *
     * @throws UnknownMessageException when the school announced no send with this channel and reference
     */
    Charges charges(String schoolId, String channel, String reference);

    /**
     * @param partsHeld     parts awaiting their outcome, and {@code held} their credits
     * @param partsCharged  parts sent and charged, and {@code charged} their credits
     * @param partsRefunded parts that failed (or had no outcome in time) and were refunded, and {@code refunded}
     */
    record Charges(int partsHeld, BigDecimal held, int partsCharged, BigDecimal charged, int partsRefunded,
                   BigDecimal refunded) {
    }
}
