/**
 * The plugin's PostgreSQL database: the data source it declares, the Flyway migrations it
 * applies at start-up with a history table of its own, and its readiness.
 */
package org.schoolcredits.storage;
