package org.schoolcredits.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.schoolcredits.host.MigrationRole;

/**
 * Declares the plugin's data source and applies its migrations when the application starts, as
 * the owner role ({@link MigrationRole}); the data source serves as the runtime role, which V9
 * grants what the plugin needs and no more. A migration that fails leaves the plugin DOWN: readiness says so and every plugin call
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
    /** The plugin's persistence unit ({@code META-INF/persistence.xml}): named, so a host's unqualified one stays its own. */
    public static final String UNIT = "school-credits";
    private static final Logger LOG = Logger.getLogger(CreditsDatabase.class.getName());

    @jakarta.inject.Inject
    @CreditsDataSource
    DataSource dataSource;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<SchemaMigrated> migrated;

    private volatile String failure;

    @jakarta.inject.Inject
    Config config;

    @PostConstruct
    void start() {
        try {
            int applied = migrate(MigrationRole.dataSource(config, dataSource), MigrationRole.roleOf(dataSource),
                    MigrationVersion.LATEST);
            LOG.info(() -> "School Credits: database schema up to date (" + applied + " migration(s) applied)");
            SearchPath.check(dataSource);
            migrated.fire(new SchemaMigrated());
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "School Credits: database migration failed, the plugin is DOWN until it is fixed: "
                    + e.getMessage(), e);
        }
    }

    /** Applies the plugin's migrations as the one role that also serves; returns how many were applied now. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, MigrationVersion.LATEST);
    }

    /** Applies the plugin's migrations up to {@code target} (a test of an upgrade stops at an older one). */
    static int migrate(DataSource dataSource, MigrationVersion target) {
        return migrate(dataSource, MigrationRole.roleOf(dataSource), target);
    }

    /**
     * Applies the plugin's migrations as the owner role of {@code owner}, granting the runtime role
     * {@code runtimeRole} what the plugin needs (V9); returns how many were applied now.
     */
    public static int migrate(DataSource owner, String runtimeRole, MigrationVersion target) {
        return Flyway.configure(CreditsDatabase.class.getClassLoader())
                .dataSource(owner)
                .placeholders(Map.of("runtime_role", runtimeRole))
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

    /** Whether the migrations were applied; when not, why. */
    public boolean migrated() {
        return failure == null;
    }

    public String failure() {
        return failure;
    }
}
