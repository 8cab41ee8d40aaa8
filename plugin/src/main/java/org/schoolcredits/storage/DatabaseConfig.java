package org.schoolcredits.storage;

import org.eclipse.microprofile.config.inject.ConfigProperties;

/** The JNDI name of the data source the plugin works on ({@code CREDITS_DATASOURCE}): its own, or the host's. */
@ConfigProperties(prefix = "credits")
public class DatabaseConfig {

    public String datasource;
}
