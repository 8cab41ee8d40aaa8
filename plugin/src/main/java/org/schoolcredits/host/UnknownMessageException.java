package org.schoolcredits.host;

/**
 * Thrown by the plugin for a {@link MessageOutcome} (or {@link MessageCredits#charges}) naming a send the
 * school never announced with {@link MessageSending}, or a recipient not in it: nothing was settled.
 */
public class UnknownMessageException extends IllegalArgumentException {

    public UnknownMessageException(String message) {
        super(message);
    }
}
