package org.schoolcredits.metering;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /usages}: {@code {"feature":"SMS","quantity":2,"reference":"msg-123","capture":false}};
 * also one item of a batch, which takes no {@code capture} of its own. The feature is looked up by
 * the resource among the registered ones.
 */
public record UsageRequest(
        @NotNull(message = "is required") @Size(min = 1, max = 40, message = "must have {min} to {max} characters")
        String feature,
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be a whole number from 1 to " + MeteringService.MAX_QUANTITY)
        @Max(value = MeteringService.MAX_QUANTITY, message = "must be a whole number from 1 to {value}")
        Long quantity,
        @Size(min = 1, max = 200, message = "must have {min} to {max} characters")
        String reference,
        Boolean capture) {

    /** {@code capture} as sent, false when absent. */
    public boolean captures() {
        return Boolean.TRUE.equals(capture);
    }
}
