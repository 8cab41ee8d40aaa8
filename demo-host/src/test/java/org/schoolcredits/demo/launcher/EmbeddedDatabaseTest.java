package org.schoolcredits.demo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private static Connection signIn(EmbeddedDatabase database, String user, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database.jdbcUrl());
        source.setUser(user);
        if (password != null) {
            source.setPassword(password);
        }
        return source.getConnection();
    }

    @Test
    @DisplayName("the demo's embedded database refuses a wrong password, or none, for every role, and lets the right"
            + " one in, also after a restart")
    void wrongPasswordIsRefused() throws Exception {
        for (int start = 0; start < 2; start++) {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
                for (String role : new String[] {DatabaseRoles.SUPERUSER, DatabaseRoles.OWNER, DatabaseRoles.RUNTIME}) {
                    SQLException wrong = assertThrows(SQLException.class, () -> signIn(database, role, "postgres").close(),
                            role);
                    assertEquals("28P01", wrong.getSQLState(), role + ": " + wrong.getMessage());
                    assertThrows(SQLException.class, () -> signIn(database, role, null).close(), role);
                    try (Connection c = signIn(database, role, database.roles().password(role))) {
                        assertEquals(role, c.getMetaData().getUserName());
                    }
                }
                try (Connection c = signIn(database, DatabaseRoles.RUNTIME,
                        database.roles().password(DatabaseRoles.RUNTIME)); Statement s = c.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class, () -> s.execute("create schema credits"));
                    assertEquals("42501", refused.getSQLState(), refused.getMessage());
                }
            }
        }
    }

    @Test
    @DisplayName("a data directory of an earlier version (trusted sign-ins, tables owned by postgres) starts, and its"
            + " schemas and tables pass to the owner role")
    void earlierDataDirectoryStarts() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata"))
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60)).start();
             Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema credits");
            s.execute("create sequence credits.entry_id_seq");
            s.execute("create table credits.entry (entry_id bigint primary key default nextval('credits.entry_id_seq'))");
            s.execute("create schema demo");
            s.execute("create table demo.learner (learner_id bigint generated always as identity primary key)");
            s.execute("create function credits.refuse() returns int language sql as 'select 1'");
        }
        assertEquals(true, Files.readAllLines(dataDir.resolve("pgdata/pg_hba.conf")).stream()
                .anyMatch(line -> !line.startsWith("#") && line.endsWith("trust")), "signed in without a password before");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0);
             Connection c = signIn(database, DatabaseRoles.OWNER, database.roles().password(DatabaseRoles.OWNER));
             Statement s = c.createStatement();
             ResultSet owners = s.executeQuery("select string_agg(distinct pg_get_userbyid(relowner), ',') from pg_class"
                     + " where relnamespace in ('credits'::regnamespace, 'demo'::regnamespace)")) {
            owners.next();
            assertEquals(DatabaseRoles.OWNER, owners.getString(1));
            s.execute("insert into demo.learner default values");
            s.execute("alter table credits.entry add column note text");
            assertThrows(SQLException.class, () -> signIn(database, DatabaseRoles.SUPERUSER, "postgres").close());
        }
    }

    @Test
    @DisplayName("a new data directory starts on the port the launcher picked, with PostgreSQL's binaries unpacked"
            + " once outside it, in a copy every data directory shares")
    void binariesUnpackedOnceOutsideTheDataDirectory() throws Exception {
        int port = DatabaseStart.freePort();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
            assertEquals(DatabaseStart.jdbcUrl(port), database.jdbcUrl());
        }
        assertFalse(Files.exists(dataDir.resolve("pg-runtime")), "no copy of the binaries in the data directory");
        Path binaries = EmbeddedDatabase.binaries();
        assertFalse(binaries.startsWith(dataDir));
        try (Stream<Path> copies = Files.list(binaries)) {
            assertTrue(copies.anyMatch(copy -> Files.exists(copy.resolve(".exists"))), "a finished copy in " + binaries);
        }
    }
}
