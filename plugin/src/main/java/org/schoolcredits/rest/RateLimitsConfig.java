package org.schoolcredits.rest;

import org.eclipse.microprofile.config.inject.ConfigProperties;

/** The rate limits a minute ({@link RateLimits}): purchases per school, unsigned webhook posts per address. */
@ConfigProperties(prefix = "credits.rate-limit")
public class RateLimitsConfig {

    public Integer purchases;

    public Integer webhook;
}
