package org.schoolcredits.ledger;

import java.time.Instant;
import java.util.UUID;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;

/** A reserve or a capture, as {@link GroupCommit} applies it together with others. */
public sealed interface Operation {

    String schoolId();

    /**
     * Holds {@code quantity} at {@code unitPrice} for a host action until {@code expiresAt}; with
     * {@code capture}, captures it at once (the one-call charge).
     */
    record Reserve(String schoolId, Feature feature, long quantity, Credits unitPrice, int priceVersion,
                   String reference, Instant expiresAt, Actor by, boolean capture) implements Operation {

        Credits amount() {
            return unitPrice.times(quantity);
        }
    }

    /** The action succeeded: the hold's usage is final. */
    record Capture(String schoolId, UUID holdId) implements Operation {
    }

    /** An operation's outcome: its hold, or the refusal its caller gets (a 402, a 409). */
    record Outcome(Hold hold, RuntimeException refusal) {

        /** The hold, or the refusal thrown. */
        Hold get() {
            if (refusal != null) {
                throw refusal;
            }
            return hold;
        }
    }
}
