/**
 * Low-balance alerts and the plugin's e-mail: each school's warning levels and e-mail choice,
 * one warning per fall below a level (observed on the ledger's balance changes), and an outbox
 * written in the transaction of each e-mail's cause and delivered after commit, once, by a job.
 * Other capabilities never call it: it observes the events they own ({@code purchases.PaymentSettled},
 * {@code purchases.PaymentReversed}, {@code allowance.AllowanceGranted}) inside their transactions.
 */
package org.schoolcredits.alerts;
