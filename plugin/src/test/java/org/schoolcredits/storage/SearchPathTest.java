package org.schoolcredits.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.TestDatabase;

/** The plugin on a host's data source (CREDITS_DATASOURCE), whose search path the host sets. */
class SearchPathTest {

    @Test
    @DisplayName("on a host's data source whose search path finds a host table of the same name before the plugin's,"
            + " the plugin is DOWN and names the tables and the fix")
    void hostTableFirstIsDown() throws Exception {
        CreditsDatabase database = new CreditsDatabase();
        database.dataSource = hostDataSource("mis," + CreditsDatabase.SCHEMA);
        database.start();
        assertFalse(database.migrated());
        assertTrue(database.failure().contains("[learner]"), database.failure());
        assertTrue(database.failure().contains("currentSchema=credits,"), database.failure());
    }

    @Test
    @DisplayName("on a host's data source with the plugin's schema first on its search path, the plugin's tables are"
            + " found and the host's stay its own")
    void pluginSchemaFirstRuns() throws Exception {
        PGSimpleDataSource host = hostDataSource(CreditsDatabase.SCHEMA + ",mis");
        CreditsDatabase.migrate(host);
        assertEquals(List.of(), SearchPath.tablesFoundElsewhere(host));
        try (Connection c = host.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into mis.learner values ('A123')");
            s.execute("insert into school values ('oakwood', true, now())");
        }
        Jdbc jdbc = new Jdbc(host);
        assertEquals(List.of("oakwood"), jdbc.list("select school_id from credits.school", rs -> rs.getString(1)));
        assertEquals(List.of("A123"), jdbc.list("select upn from mis.learner", rs -> rs.getString(1)));
    }

    /** A new database with a host's table {@code mis.learner}, reached with the search path {@code searchPath}. */
    private static PGSimpleDataSource hostDataSource(String searchPath) throws Exception {
        PGSimpleDataSource host = TestDatabase.superuser(TestDatabase.createEmpty());
        try (Connection c = host.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema mis");
            s.execute("create table mis.learner (upn text primary key)");
        }
        host.setCurrentSchema(searchPath);
        return host;
    }
}
