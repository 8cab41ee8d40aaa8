/**
 * The ledger: lots, holds, balances and append-only entries for learner and Connect credits.
 * {@link org.schoolcredits.ledger.Ledger} (and, for refunded or disputed payments, {@link
 * org.schoolcredits.ledger.Reversals}) are the only writers of credits; every rule of the money
 * path (burn-down order, never below zero, holds resolve once, grants apply once) lives here.
 * {@link org.schoolcredits.ledger.Reconciliation} checks the invariants.
 */
package org.schoolcredits.ledger;
