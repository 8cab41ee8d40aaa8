/**
 * What the platform's finance staff do across schools: correct a balance, set a price from a
 * date, clear or fail BACS and cheque payments, and check the ledger's reconciliation.
 */
package org.schoolcredits.platform;
