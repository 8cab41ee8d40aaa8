package org.schoolcredits.host;

import java.math.BigDecimal;

/**
 * Implemented by the plugin; called by the host after it fired {@link LearnerRegistering} and the
 * plugin did not veto it, inside the same transaction, to tell the user what the registration
 * cost and how many learner credits remain.
 */
public interface LearnerCredits {

    /**
     * The outcome of the {@link LearnerRegistering} event this transaction fired for this learner.
     *
     * @throws IllegalStateException when this transaction fired no such event
     */
    Registration registration(String schoolId, String learnerRef);

    /**
     * @param charged          whether a credit was redeemed: false for a learner the school registered before
     * @param creditsRemaining the school's available learner credits after the registration
     * @param message          what to show the user, in en-GB, e.g. "Learner registered. You have 4 learner
     *                         credits remaining."
     */
    record Registration(boolean charged, BigDecimal creditsRemaining, String message) {
    }
}
