/**
 * What the platform's finance staff do across schools: correct a balance, set a price from a
 * date, list purchases (pending BACS and cheque payments, card payments flagged for review),
 * clear or fail pending ones and credit or dismiss flagged ones, and check the ledger's
 * reconciliation. Every call needs {@code credits.platform}.
 */
package org.schoolcredits.platform;
