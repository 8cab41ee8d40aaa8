package org.schoolcredits.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.schoolcredits.purchases.Purchase;

/**
 * {@code POST /platform/purchases/{id}/resolve}: {@code {"action":"credit"|"dismiss","reason":"..."}},
 * a reason of 1 to 500 characters.
 */
public record ResolveRequest(
        @NotNull(message = "must be credit or dismiss") @Pattern(regexp = "credit|dismiss", message = "must be credit or dismiss")
        String action,
        @NotNull(message = "is required") @Size(min = 1, max = 500, message = "must have {min} to {max} characters")
        String reason) {

    Purchase.Resolution.Outcome outcome() {
        return action.equals("credit") ? Purchase.Resolution.Outcome.CREDITED : Purchase.Resolution.Outcome.DISMISSED;
    }
}
