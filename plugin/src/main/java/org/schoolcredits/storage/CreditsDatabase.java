package org.schoolcredits.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Declares the plugin's own data source and applies its migrations when the application starts, on
 * the data source the plugin works on ({@link Database}: its own, or the host's).
 * A migration that fails leaves the plugin DOWN: readiness says so and every plugin call
 * answers 503, rather than running on a half-migrated schema.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = CreditsDatabase.JNDI,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=credits.db.url}",
        user = "${MPCONFIG=credits.db.user}",
        password = "${MPCONFIG=credits.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {"connectTimeout=5", "currentSchema=" + CreditsDatabase.SCHEMA,
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.is-connection-validation-required=true",
                // at most once every 10 s per connection, not at each of a request's statements (bench/README.md)
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true"})
public class CreditsDatabase {

    public static final String JNDI = "java:app/jdbc/school-credits";
    public static final String SCHEMA = "credits";
    private static final Logger LOG = Logger.getLogger(CreditsDatabase.class.getName());

    @jakarta.inject.Inject
    Database database;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<SchemaMigrated> migrated;

    private volatile String failure;

    @PostConstruct
    void start() {
        try {
            start(database.dataSource());
        } catch (RuntimeException e) { // no data source at the configured name
            down(e);
        }
    }

    /** Migrates, then checks that the data source finds the plugin's tables; DOWN (with the reason) otherwise. */
    void start(DataSource dataSource) {
        try {
            int applied = migrate(dataSource);
            List<String> astray = tablesFoundElsewhere(dataSource);
            if (!astray.isEmpty()) {
                throw new IllegalStateException("the data source's search path does not find the plugin's tables "
                        + astray + " in schema " + SCHEMA + " first: put " + SCHEMA + " first on it, e.g. currentSchema="
                        + SCHEMA + ",yours in its properties or URL");
            }
            LOG.info(() -> "School Credits: database schema up to date (" + applied + " migration(s) applied)");
            migrated.fire(new SchemaMigrated());
        } catch (RuntimeException e) {
            down(e);
        }
    }

    private void down(RuntimeException e) {
        failure = e.getMessage();
        LOG.log(Level.SEVERE, "School Credits: the database is not ready, the plugin is DOWN until it is fixed: "
                + e.getMessage(), e);
    }

    /** Applies the plugin's migrations; returns how many were applied now. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, MigrationVersion.LATEST);
    }

    /** Applies the plugin's migrations up to {@code target} (a test of an upgrade stops at an older one). */
    static int migrate(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure(CreditsDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:META-INF/credits/migrations")
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("credits_schema_history")
                .baselineOnMigrate(false)
                .target(target)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * The plugin's tables that a statement on {@code dataSource} naming them unqualified would not find
     * in schema {@value #SCHEMA} (a host's data source whose search path puts another schema with a
     * table of the same name first, or lacks {@value #SCHEMA}); none when all is well.
     */
    static List<String> tablesFoundElsewhere(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname from pg_class t join pg_namespace n on n.oid = t.relnamespace"
                     + " where n.nspname = '" + SCHEMA + "' and t.relkind in ('r', 'p', 'v')"
                     + " and to_regclass(quote_ident(t.relname))::oid is distinct from t.oid order by 1")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException(e);
        }
    }

    /** Whether the migrations were applied; when not, why. */
    public boolean migrated() {
        return failure == null;
    }

    public String failure() {
        return failure;
    }
}
