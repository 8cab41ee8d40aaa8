package org.schoolcredits.allowance;

import org.eclipse.microprofile.config.inject.ConfigProperties;

/** The whole Connect credits a Pro school gets each month ({@code CREDITS_ALLOWANCE_MONTHLY}). */
@ConfigProperties(prefix = "credits.allowance")
public class AllowanceConfig {

    public Long monthly;
}
