/**
 * The plugin's PostgreSQL database: the data source it declares or the host's it is given
 * ({@code CREDITS_DATASOURCE}), the Flyway migrations it applies at start-up with a history table of
 * its own, and its readiness.
 */
package org.schoolcredits.storage;
