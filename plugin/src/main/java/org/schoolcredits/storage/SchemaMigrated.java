package org.schoolcredits.storage;

/** Fired once at start-up, after the plugin's migrations were applied. */
public record SchemaMigrated() {
}
