package org.schoolcredits.ledger;

import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The group commit of spends ({@code CREDITS_SPENDS_WORKERS}, {@code CREDITS_SPENDS_BATCH}): how many
 * batches may be under way at once, and the most operations in one.
 */
@ConfigProperties(prefix = "credits.spends")
public class SpendsConfig {

    public Integer workers;
    public Integer batch;
}
