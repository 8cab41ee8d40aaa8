package org.schoolcredits.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.TestDatabase;

class CreditsDatabaseTest {

    @Test
    @DisplayName("a migration that cannot be applied leaves the plugin not migrated (readiness DOWN, 503), with the reason")
    void failedMigrationIsDown() throws Exception {
        PGSimpleDataSource dataSource = TestDatabase.superuser(TestDatabase.createEmpty());
        dataSource.setCurrentSchema(CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // someone edited a migration that had landed: Flyway refuses to go on
            s.execute("update credits_schema_history set checksum = checksum + 1 where version = '2'");
        }
        CreditsDatabase database = new CreditsDatabase();
        database.dataSource = dataSource;
        database.start();
        assertFalse(database.migrated());
        assertTrue(database.failure().contains("checksum"), database.failure());
    }
}
