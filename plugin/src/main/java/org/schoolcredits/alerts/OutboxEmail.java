package org.schoolcredits.alerts;

import java.time.Instant;

/** A row of the outbox: an e-mail, what caused it, and how its delivery went so far. */
public record OutboxEmail(String schoolId, long id, String kind, Email email, Instant createdAt, int attempts,
                         Instant nextAttemptAt, Instant sentAt, String lastError) {

    public boolean sent() {
        return sentAt != null;
    }
}
