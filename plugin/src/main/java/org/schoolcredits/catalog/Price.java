package org.schoolcredits.catalog;

import java.time.Instant;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Credits;

/** One version of a feature's price, in force from {@code effectiveFrom}. */
public record Price(Feature feature, int version, Credits credits, Instant effectiveFrom) {
}
