package org.schoolcredits.platform;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.schoolcredits.catalog.Packages;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.rest.CreditsRange;

/** {@code PUT /platform/prices/{feature}}: {@code {"credits":0.6,"effectiveFrom":"2027-01-01T00:00:00Z"}}. */
public record PriceRequest(
        @NotNull(message = "is required") @CreditsRange(min = -Packages.MAX_PRICE_CREDITS, max = Packages.MAX_PRICE_CREDITS)
        Credits credits,
        @NotNull(message = "is required") OffsetDateTime effectiveFrom) {
}
