package org.schoolcredits.host;

/**
 * Fired by the host, synchronously and inside its own transaction, when the plugin is
 * disabled for a school. The school's credits stay; its users get 404 from the plugin.
 */
public record SchoolDisabled(String schoolId) {
}
