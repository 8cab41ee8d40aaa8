package org.schoolcredits.purchases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /purchases}: {@code {"packageId":"learner-10","method":"card"}}; the method is checked by {@link Purchases}. */
public record PurchaseRequest(
        @NotNull(message = "is required") @Size(min = 1, max = 64, message = "must have {min} to {max} characters")
        String packageId,
        @NotNull(message = "is required") @Size(min = 1, max = 16, message = "must have {min} to {max} characters")
        String method) {
}
