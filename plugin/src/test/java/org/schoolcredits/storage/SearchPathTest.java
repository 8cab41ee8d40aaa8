package org.schoolcredits.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    @DisplayName("a host's data source whose search path finds a host table of the same name before the plugin's is"
            + " refused at start-up (the plugin is then DOWN), naming the tables and the fix")
    void hostTableFirstIsRefused() throws Exception {
        PGSimpleDataSource host = hostDataSource("mis," + CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(host);
        assertEquals(List.of("learner"), SearchPath.tablesFoundElsewhere(host));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SearchPath.check(host));
        assertTrue(refused.getMessage().contains("[learner]"), refused.getMessage());
        assertTrue(refused.getMessage().contains("currentSchema=credits,"), refused.getMessage());
    }

    @Test
    @DisplayName("on a host's data source with the plugin's schema first on its search path, the plugin's tables are"
            + " found and the host's stay its own")
    void pluginSchemaFirstRuns() throws Exception {
        PGSimpleDataSource host = hostDataSource(CreditsDatabase.SCHEMA + ",mis");
        CreditsDatabase.migrate(host);
        SearchPath.check(host);
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
