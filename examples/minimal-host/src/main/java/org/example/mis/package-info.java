/**
 * A minimal host MIS that embeds School Credits by docs/host-integration.md alone: its own sign-in
 * (HTTP Basic against its users table), school, learners and SMS, its own scanning JAX-RS application
 * at {@code /api/mis}, and one data source that serves its tables and the plugin's.
 */
package org.example.mis;
