package org.schoolcredits.history;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One action of a school's statement: all the entries one action made, added up. {@code kind} is
 * {@code usage}, {@code purchase}, {@code trial}, {@code allowance}, {@code redemption}, {@code expiry},
 * {@code adjustment} or {@code reversal}. For a usage, {@code count} is how many charges it made
 * (an SMS to 3 recipients: 3), {@code failed} how many were refunded and {@code inProgress} how many
 * are still held; {@code amount} is the net change to the available balance and {@code refunded}
 * what came back. {@code method} is a purchase's payment method; {@code reference} a short one a
 * person can read out, {@code detail} the learner, the reason or the purchase's package.
 */
public record StatementRow(String id, OffsetDateTime at, String creditType, String kind, String feature, int count,
                           int failed, int inProgress, BigDecimal amount, BigDecimal refunded, String method,
                           String initiatedBy, String reference, String detail) {
}
