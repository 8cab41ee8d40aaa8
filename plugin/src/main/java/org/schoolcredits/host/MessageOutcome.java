package org.schoolcredits.host;

import java.util.List;

/**
 * Fired by the host, synchronously and inside its transaction, once it knows what became of messages it
 * announced with {@link MessageSending}: for the whole send or per message, as its gateway reports. For
 * each delivery the plugin captures the parts that went and refunds exactly those that failed. A part
 * settles once: a delivery fired again changes nothing, and a part the plugin released for want of an
 * outcome in time ({@code CREDITS_HOLDS_TIMEOUT}) stays refunded. A channel and reference never
 * announced, or a recipient not in that send, is {@link UnknownMessageException} and nothing is settled.
 *
 * @param deliveries what became of each recipient's message named here; recipients not named stay held
 */
public record MessageOutcome(String schoolId, String channel, String reference, List<Delivery> deliveries) {

    public MessageOutcome {
        deliveries = List.copyOf(deliveries);
    }

    /**
     * What became of one recipient's message.
     *
     * @param failedParts how many of its parts failed: 0 when all went, {@link #ALL_PARTS} when none did
     */
    public record Delivery(String recipient, int failedParts) {

        public static final int ALL_PARTS = Integer.MAX_VALUE;

        /** Every part went: all are charged. */
        public static Delivery sent(String recipient) {
            return new Delivery(recipient, 0);
        }

        /** No part went: all are refunded. */
        public static Delivery failed(String recipient) {
            return new Delivery(recipient, ALL_PARTS);
        }
    }
}
