/**
 * The plugin's PostgreSQL database: the data source it declares, the Flyway migrations it
 * applies at start-up as the owner role with a history table of its own, its readiness, and the
 * scheduled jobs that work on it ({@link org.schoolcredits.storage.Jobs}), which outlive any outage;
 * the SQL helper ({@link org.schoolcredits.storage.Jdbc}) and the persistence unit's connection
 * ({@link org.schoolcredits.storage.CreditsSession}) on the same data source.
 */
package org.schoolcredits.storage;
