package org.schoolcredits.metering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /usages/batch}: {@code {"items":[{"feature","quantity","reference"}],"atomic":true,"capture":false}}.
 * Each item is checked as strictly as a single usage, and named in a refusal ({@code items[3].quantity}).
 */
public record UsageBatchRequest(
        @NotNull(message = "must be a list of 1 to " + UsageBatch.MAX_ITEMS + " objects")
        @Size(min = 1, max = UsageBatch.MAX_ITEMS, message = "must be a list of {min} to {max} objects")
        List<@Valid Item> items,
        @NotNull(message = "must be true or false") Boolean atomic,
        Boolean capture) {

    /** One usage of the batch: a usage without a {@code capture} of its own. */
    public record Item(
            @NotNull(message = "is required") @Size(min = 1, max = 40, message = "must have {min} to {max} characters")
            String feature,
            @NotNull(message = "is required")
            @Min(value = 1, message = "must be a whole number from 1 to " + MeteringService.MAX_QUANTITY)
            @Max(value = MeteringService.MAX_QUANTITY, message = "must be a whole number from 1 to {value}")
            Long quantity,
            @Size(min = 1, max = 200, message = "must have {min} to {max} characters")
            String reference) {
    }
}
