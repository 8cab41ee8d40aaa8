package org.schoolcredits.history;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One row of the credit history. {@code amount} is signed (negative when credits leave);
 * {@code balanceAfter} is the available balance of that credit type after the entry; {@code featureLabel}
 * is the label the feature is registered with (its code when no longer registered).
 */
public record HistoryRow(String id, OffsetDateTime at, String creditType, String kind, String feature,
                         String featureLabel, BigDecimal amount, BigDecimal balanceAfter, String status, String initiatedBy,
                         String reference) {
}
