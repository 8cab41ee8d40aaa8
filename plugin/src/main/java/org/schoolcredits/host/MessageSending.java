package org.schoolcredits.host;

import java.util.List;

/**
 * Fired by the host, synchronously and inside its transaction, when it is about to send messages that
 * cost credits: one message or a bulk send. The plugin holds the price in force of every part of every
 * message, all or nothing, or throws {@link InsufficientCreditsException} (nothing held; the host lets
 * it propagate and sends nothing). A school that has not enabled the plugin gets
 * {@link SchoolNotEnabledException} before anything is held (ask {@link Metering#isEnabled} first).
 * Once sent, the host fires {@link MessageOutcome} with the same channel and reference.
 *
 * @param schoolId  the sending school (the same as {@code by}'s)
 * @param channel   the code of the registered Connect feature that prices one part, e.g. {@code SMS}
 * @param reference the host's reference for this send, 1 to 200 characters, used once per school and
 *                  channel; the history shows each part as {@code <reference>:<n>}
 * @param messages  one per recipient, recipients distinct, 10,000 parts at most in all
 * @param by        who sends (named in the history)
 */
public record MessageSending(String schoolId, String channel, String reference, List<Message> messages, Caller by) {

    public MessageSending {
        messages = List.copyOf(messages);
    }

    /** One part to each recipient: the common case of short messages. */
    public static MessageSending of(Caller by, String channel, String reference, List<String> recipients) {
        return new MessageSending(by.schoolId(), channel, reference,
                recipients.stream().map(recipient -> new Message(recipient, 1)).toList(), by);
    }

    /**
     * One recipient's message.
     *
     * @param recipient how the host names the recipient in the outcome (a contact id, or the number),
     *                  1 to 200 characters; kept with the message's holds, never shown in the history
     * @param parts     its billable units (an SMS of 2 segments: 2), at least 1
     */
    public record Message(String recipient, int parts) {
    }
}
