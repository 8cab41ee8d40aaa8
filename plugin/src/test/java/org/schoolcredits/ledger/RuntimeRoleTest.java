package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Jdbc;
import org.schoolcredits.storage.ThreadTransactions;

/** Migrated by an owner role, served by a runtime role that owns nothing (V9), as production runs it. */
class RuntimeRoleTest {

    String database;
    String owner;
    String runtime;
    PGSimpleDataSource ownerSource;
    PGSimpleDataSource runtimeSource;

    @BeforeEach
    void migrateAsOwner() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        owner = "owner_" + suffix;
        runtime = "runtime_" + suffix;
        database = TestDatabase.createEmpty();
        try (Connection admin = TestDatabase.superuser(database).getConnection(); Statement s = admin.createStatement()) {
            s.execute("create role " + owner + " login password 'owner'");
            s.execute("create role " + runtime + " login password 'runtime'");
            s.execute("grant create on database " + database + " to " + owner);
        }
        ownerSource = as(owner, "owner");
        runtimeSource = as(runtime, "runtime");
        CreditsDatabase.migrate(ownerSource, runtime, MigrationVersion.LATEST);
    }

    private PGSimpleDataSource as(String role, String password) {
        PGSimpleDataSource source = TestDatabase.superuser(database);
        source.setUser(role);
        source.setPassword(password);
        source.setCurrentSchema(CreditsDatabase.SCHEMA);
        return source;
    }

    @Test
    @DisplayName("the runtime role cannot update, delete or truncate credit entries, disable their trigger or alter"
            + " or drop their table")
    void runtimeRoleCannotRewriteEntries() throws Exception {
        ThreadTransactions db = new ThreadTransactions(runtimeSource);
        Ledger ledger = new Ledger(new Jdbc(db), new TestClock(Instant.parse("2026-11-10T09:00:00Z")), "http://localhost");
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(10), "top-up", Actor.SYSTEM);
        });
        try (Connection c = runtimeSource.getConnection(); Statement s = c.createStatement()) {
            for (String change : new String[] {"update entry set amount = 0", "update entry set entry_id = entry_id",
                    "delete from entry", "truncate entry cascade", "alter table entry disable trigger entry_append_only",
                    "alter table entry disable trigger all", "alter table entry add column note text",
                    "drop trigger entry_append_only on entry", "drop table entry cascade",
                    "create or replace function refuse_entry_change() returns trigger language plpgsql"
                            + " as $$ begin return new; end; $$",
                    "delete from credits_schema_history", "create table shadow (id int)"}) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertEquals("42501", refused.getSQLState(), change + ": " + refused.getMessage());
            }
        }
        assertEquals(Credits.of(10), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    @Test
    @DisplayName("under the runtime role a capture, a release (a refund that refers to its usage) and the hold sweep"
            + " all work, and the ledger reconciles")
    void ledgerWorksUnderRuntimeRole() {
        ThreadTransactions db = new ThreadTransactions(runtimeSource);
        Jdbc jdbc = new Jdbc(db);
        TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        Ledger ledger = new Ledger(jdbc, clock, "http://localhost");
        Instant later = clock.now().plus(Duration.ofMinutes(15));
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(10), "top-up", Actor.SYSTEM);
        });
        Hold captured = db.tx(() -> ledger.reserve("oakwood", Feature.SMS, 1, Credits.of(1), 1, "sent", later, Actor.SYSTEM));
        Hold released = db.tx(() -> ledger.reserve("oakwood", Feature.SMS, 2, Credits.of(1), 1, "failed", later,
                Actor.SYSTEM));
        db.tx(() -> ledger.reserve("oakwood", Feature.SMS, 3, Credits.of(1), 1, "forgotten", later, Actor.SYSTEM));
        db.run(() -> ledger.capture("oakwood", captured.id()));
        db.run(() -> ledger.release("oakwood", released.id(), Actor.SYSTEM));
        clock.advance(Duration.ofMinutes(16));
        assertEquals(1, db.tx(() -> ledger.expireHolds(500)));
        assertEquals(Credits.of(9), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(2L, jdbc.one("select count(*) from entry where kind = 'refund' and refunds_entry_id is not null",
                rs -> rs.getLong(1)).orElseThrow());
        Reconciliation.Report report = new Reconciliation(jdbc).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    @Test
    @DisplayName("a table that a later migration of the owner adds is readable and writable by the runtime role"
            + " without naming it")
    void laterTablesAreGrantedToo() throws Exception {
        try (Connection c = ownerSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table later_table (school_id text primary key, note text)");
            s.execute("create sequence later_seq");
        }
        try (Connection c = runtimeSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into later_table values ('oakwood', 'a')");
            s.execute("update later_table set note = 'b'");
            s.execute("select nextval('later_seq')");
            s.execute("delete from later_table");
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("drop table later_table"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }
}
