/**
 * What platform finance does across schools: lists purchases (pending BACS and cheque payments,
 * and card payments flagged for review) and clears or fails pending payments. Every call needs
 * {@code credits.platform}.
 */
package org.schoolcredits.platform;
