package org.schoolcredits.learners;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Optional;
import org.schoolcredits.host.LearnerCredits.Registration;

/**
 * The registrations of the current transaction, kept from the {@code LearnerRegistering} event
 * until the host asks for their outcome, and gone with the transaction.
 */
@TransactionScoped
public class RegistrationsInTransaction implements Serializable {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, Registration> byLearner = new HashMap<>();

    void put(String schoolId, String learnerRef, Registration registration) {
        byLearner.put(key(schoolId, learnerRef), registration);
    }

    Optional<Registration> find(String schoolId, String learnerRef) {
        return Optional.ofNullable(byLearner.get(key(schoolId, learnerRef)));
    }

    private static String key(String schoolId, String learnerRef) {
        return schoolId + '\u0000' + learnerRef;
    }
}
