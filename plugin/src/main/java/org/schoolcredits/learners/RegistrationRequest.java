package org.schoolcredits.learners;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /learners}: {@code {"learnerRef":"A123"}}, the host's reference of the learner. */
public record RegistrationRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = LearnerRefs.MAX_LENGTH, message = "must have {min} to {max} characters")
        String learnerRef) {
}
