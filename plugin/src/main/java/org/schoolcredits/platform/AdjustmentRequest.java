package org.schoolcredits.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.rest.CreditsRange;

/** {@code POST /platform/adjustments}: {@code {"school","creditType","amount","reason"}}, amount signed, not zero. */
public record AdjustmentRequest(
        @NotNull(message = "is required") @Size(min = 1, max = 100, message = "must have {min} to {max} characters")
        String school,
        @NotNull(message = "must be one of learner, connect") CreditType creditType,
        @NotNull(message = "is required") @CreditsRange(min = -1_000_000, max = 1_000_000) Credits amount,
        @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must have {min} to {max} characters")
        String reason) {
}
