package org.schoolcredits.history;

import java.time.Instant;

/** What the history is filtered by; any part may be null. {@code before} is the keyset cursor. */
public record HistoryQuery(String creditType, String feature, String status, Instant from, Instant to, Long before,
                           int limit) {
}
