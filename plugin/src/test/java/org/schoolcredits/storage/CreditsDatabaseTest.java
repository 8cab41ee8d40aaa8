package org.schoolcredits.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Reconciliation;

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
        database.config = TestConfig.empty();
        database.start();
        assertFalse(database.migrated());
        assertTrue(database.failure().contains("checksum"), database.failure());
    }

    @Test
    @DisplayName("with CREDITS_DB_MIGRATION_USER set, the migrations run as that owner role and the runtime role of the"
            + " data source owns nothing")
    void migratesAsTheConfiguredOwner() throws Exception {
        String database = TestDatabase.createEmpty();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = TestDatabase.superuser(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("create role owner_" + suffix + " login password 'o'");
            s.execute("create role app_" + suffix + " login password 'a'");
            s.execute("grant create on database " + database + " to owner_" + suffix);
        }
        PGSimpleDataSource runtime = TestDatabase.superuser(database);
        runtime.setUser("app_" + suffix);
        runtime.setPassword("a");
        runtime.setCurrentSchema(CreditsDatabase.SCHEMA);
        CreditsDatabase credits = new CreditsDatabase();
        credits.dataSource = runtime;
        credits.config = TestConfig.of(java.util.Map.of("credits.db.url", runtime.getURL(),
                "credits.db.migration.user", "owner_" + suffix, "credits.db.migration.password", "o"));
        @SuppressWarnings("unchecked")
        jakarta.enterprise.event.Event<SchemaMigrated> noObservers = (jakarta.enterprise.event.Event<SchemaMigrated>)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.enterprise.event.Event.class}, (proxy, method, args) -> null);
        credits.migrated = noObservers;
        credits.start();
        assertTrue(credits.migrated(), credits::failure);
        Jdbc jdbc = new Jdbc(runtime);
        assertEquals(List.of("owner_" + suffix), jdbc.list("select distinct tableowner from pg_tables where schemaname"
                + " = 'credits'", rs -> rs.getString(1)));
        assertEquals(List.of("INSERT", "SELECT"), jdbc.list("select privilege_type from information_schema.table_privileges"
                + " where grantee = current_user and table_name = 'entry' order by 1", rs -> rs.getString(1)));
    }

    @Test
    @DisplayName("upgrading a ledger to pooled credits (V8) keeps every credit: a hold opened before releases to where"
            + " it came from, and spending goes on in burn-down order")
    void upgradeToPooledCredits() throws Exception {
        PGSimpleDataSource dataSource = TestDatabase.superuser(TestDatabase.createEmpty());
        dataSource.setCurrentSchema(CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(dataSource, MigrationVersion.fromVersion("7"));
        UUID held = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // as the ledger left it before V8: 50 credits bought, 100 of this month's allowance, and a hold of
            // 120 that took all of the allowance and 20 of the bought lot
            s.execute("insert into school values ('oakwood', true, now())");
            s.execute("insert into balance (school_id, credit_type, available) values ('oakwood', 'learner', 0),"
                    + " ('oakwood', 'connect', 30000)");
            s.execute("insert into lot (school_id, lot_id, credit_type, source, reference, amount, remaining,"
                    + " expires_at, state, created_at) values"
                    + " ('oakwood', 1, 'connect', 'adjustment', 'bought', 50000, 30000, null, 'available', now()),"
                    + " ('oakwood', 2, 'connect', 'allowance', '2026-11', 100000, 0, '2026-12-01T00:00:00Z',"
                    + " 'available', now())");
            s.execute("insert into hold (school_id, hold_id, credit_type, feature, quantity, amount, price_version,"
                    + " reference, state, initiated_by_name, created_at, expires_at) values ('oakwood', '" + held
                    + "', 'connect', 'DVLA_LICENCE_CHECK', 1, 120000, 1, 'check', 'held', 'Sam Oak', now(),"
                    + " '2026-11-10T09:15:00Z')");
            s.execute("insert into hold_lot values ('oakwood', '" + held + "', 1, 20000), ('oakwood', '" + held
                    + "', 2, 100000)");
            s.execute("insert into entry (school_id, at, credit_type, kind, feature, amount, balance_after, status,"
                    + " initiated_by_name, hold_id, lot_id) values"
                    + " ('oakwood', now(), 'connect', 'adjustment', null, 50000, 50000, 'success', 'Fiona', null, 1),"
                    + " ('oakwood', now(), 'connect', 'grant', null, 100000, 150000, 'success', 'System', null, 2),"
                    + " ('oakwood', now(), 'connect', 'usage', 'DVLA_LICENCE_CHECK', -120000, 30000, 'pending',"
                    + " 'Sam Oak', '" + held + "', null)");
        }
        assertEquals(1, CreditsDatabase.migrate(dataSource, MigrationVersion.fromVersion("8")));
        CreditsDatabase.migrate(dataSource);
        ThreadTransactions db = new ThreadTransactions(dataSource);
        Jdbc jdbc = new Jdbc(db);
        Ledger ledger = new Ledger(jdbc, new TestClock(Instant.parse("2026-11-10T09:00:00Z")), "http://localhost");
        assertTrue(new Reconciliation(jdbc).run().ok(), () -> new Reconciliation(jdbc).run().mismatches().toString());
        assertEquals(List.of("2026-11: 100000"), jdbc.list("select reference, hold_lot.amount from hold_lot join lot"
                + " using (school_id, lot_id)", rs -> rs.getString(1) + ": " + rs.getLong(2)));

        db.run(() -> ledger.release("oakwood", held, Actor.SYSTEM));
        assertEquals(new Balance(Credits.of(150), Credits.ZERO, Credits.ZERO), ledger.balance("oakwood", CreditType.CONNECT));
        Hold next = db.tx(() -> ledger.reserve("oakwood", Feature.DVLA_LICENCE_CHECK, 1, Credits.of(130), 1, "again",
                Instant.parse("2026-11-10T09:15:00Z"), Actor.SYSTEM));
        assertEquals(List.of("100000"), jdbc.list("select amount from hold_lot where hold_id = ?",
                rs -> Long.toString(rs.getLong(1)), next.id()));
        assertEquals(new Balance(Credits.of(20), Credits.of(130), Credits.ZERO), ledger.balance("oakwood", CreditType.CONNECT));
        assertTrue(new Reconciliation(jdbc).run().ok(), () -> new Reconciliation(jdbc).run().mismatches().toString());
    }

    /** How many of the plugin's migrations come after version {@code version}. */
    static long migrationsAfter(int version) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("target", "classes", "META-INF", "credits",
                "migrations"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))) > version).count();
        }
    }
}
