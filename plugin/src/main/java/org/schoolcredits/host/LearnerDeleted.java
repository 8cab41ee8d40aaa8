package org.schoolcredits.host;

/**
 * Fired by the host, synchronously and inside the transaction that deletes the learner.
 * Nothing is refunded; the plugin erases what identifies the learner in its own records.
 */
public record LearnerDeleted(String schoolId, String learnerRef) {
}
