package org.schoolcredits.host;

/**
 * Fired by the host, synchronously and inside its own transaction, when an administrator
 * enables the plugin for a school. The plugin provisions the school's wallet and grants the
 * free trial learner credit (once per school, ever).
 */
public record SchoolEnabled(String schoolId) {
}
