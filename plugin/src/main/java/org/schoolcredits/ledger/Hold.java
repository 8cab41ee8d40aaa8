package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.schoolcredits.host.CreditType;

/** Credits reserved for a host action (of the feature with this code) until it is captured, released or expires. */
public record Hold(String schoolId, UUID id, CreditType creditType, String feature, long quantity, Credits amount,
                   int priceVersion, String reference, State state, Instant createdAt, Instant expiresAt) {

    /** A hold resolves at most once: held, then captured, released or expired. */
    public enum State {
        HELD, CAPTURED, RELEASED, EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
