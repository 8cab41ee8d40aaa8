/**
 * Low-balance alerts and the plugin's e-mail: each school's warning levels and e-mail choice,
 * one warning per fall below a level (observed on the ledger's balance changes), and an outbox
 * written in the transaction of each e-mail's cause and delivered after commit, once, by a job.
 * {@link org.schoolcredits.alerts.AlertEmails} is the API other capabilities send e-mail through.
 */
package org.schoolcredits.alerts;
