package org.schoolcredits.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.schoolcredits.host.MigrationRole;

/**
 * Migrates the demo host's own tables (schema {@code demo}, history table of its own) once the
 * plugin's are in place, as the owner role when there is one (the plugin's documented settings
 * {@code CREDITS_DB_MIGRATION_USER} and {@code CREDITS_DB_MIGRATION_PASSWORD}, on {@code CREDITS_DB_URL}),
 * granting the runtime role what the demo needs, as the plugin does; then seeds the demo schools and
 * users on a new database in demo mode. Like any host, it uses only the plugin's {@code host} package.
 */
@Singleton
@Startup
@DependsOn("CreditsDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoStartup {

    private static final Logger LOG = Logger.getLogger(DemoStartup.class.getName());

    @Resource(lookup = DemoDb.JNDI)
    DataSource dataSource;

    @Inject
    Config config;

    @Inject
    DemoSeed seed;

    @Inject
    DemoClock clock;

    @Inject
    @ConfigProperty(name = "demo.mode", defaultValue = "true")
    boolean demoMode;

    @PostConstruct
    void start() {
        Flyway.configure(DemoStartup.class.getClassLoader())
                .dataSource(MigrationRole.owner(config).orElse(dataSource))
                .placeholders(Map.of("runtime_role", MigrationRole.roleOf(dataSource)))
                .locations("classpath:db/demo")
                .schemas("demo")
                .createSchemas(true)
                .table("demo_schema_history")
                .load()
                .migrate();
        clock.migrated();
        if (demoMode && seed.seedIfNew()) {
            LOG.info("demo host: seeded the demo schools oakwood and riverside and their users");
        }
    }
}
