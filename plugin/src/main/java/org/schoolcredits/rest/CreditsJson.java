package org.schoolcredits.rest;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.math.BigDecimal;
import org.schoolcredits.kernel.Credits;

/**
 * Credits in JSON are a decimal number with at most three decimals ({@code 0.6}, {@code 8}), read
 * and written through {@link BigDecimal}: exact, never a double. {@link BodyShape} has already refused
 * a number with more decimals, naming its field.
 */
public class CreditsJson implements JsonbAdapter<Credits, BigDecimal> {

    @Override
    public BigDecimal adaptToJson(Credits credits) {
        return credits.toDecimal();
    }

    @Override
    public Credits adaptFromJson(BigDecimal decimal) {
        return Credits.of(decimal);
    }
}
