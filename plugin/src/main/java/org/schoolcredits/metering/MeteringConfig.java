package org.schoolcredits.metering;

import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** How long a hold may stay unsettled before the sweep releases it ({@code CREDITS_HOLDS_TIMEOUT}). */
@ConfigProperties(prefix = "credits.holds")
public class MeteringConfig {

    public Duration timeout;
}
