/**
 * The host's messaging events: a send announced with {@code MessageSending} is held part by part, all
 * or nothing; its {@code MessageOutcome} captures what went and refunds exactly what failed, once.
 * Owns the table of message parts; spends through metering and the ledger.
 */
package org.schoolcredits.messaging;
