package org.schoolcredits.rest;

import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** How long an Idempotency-Key is kept from its first use ({@code CREDITS_IDEMPOTENCY_TTL}). */
@ConfigProperties(prefix = "credits.idempotency")
public class IdempotencyConfig {

    public Duration ttl;
}
