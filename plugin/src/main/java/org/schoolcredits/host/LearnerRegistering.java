package org.schoolcredits.host;

/**
 * Fired by the host, synchronously and inside the transaction that inserts the learner,
 * before it commits. The plugin redeems one learner credit for a learner new to the school,
 * or throws {@link InsufficientCreditsException}, which the host lets propagate so that its
 * transaction rolls back and no learner is created.
 *
 * @param learnerRef the host's stable reference for the learner (the UPN, say)
 * @param by         who registers the learner
 */
public record LearnerRegistering(String schoolId, String learnerRef, Caller by) {
}
