package org.example.mis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Declares the host's data source, which the plugin shares, with the plugin's schema first on its
 * search path; creates the host's own tables (schema {@code mis}) and, on an empty database with
 * {@code MIS_SEED_PASSWORD} set, its one school and two users. Starts after the plugin has migrated
 * its schema ({@code @DependsOn("CreditsDatabase")}), because seeding fires {@code SchoolEnabled}.
 */
@Singleton
@Startup
@DependsOn("CreditsDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = MisDb.JNDI,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=mis.db.url}",
        user = "${MPCONFIG=mis.db.user}",
        password = "${MPCONFIG=mis.db.password}",
        maxPoolSize = 16,
        properties = {"currentSchema=credits,mis"})
public class MisStartup {

    private static final Logger LOG = Logger.getLogger(MisStartup.class.getName());

    @Resource(lookup = MisDb.JNDI)
    DataSource dataSource;

    @Inject
    MisSeed seed;

    @Inject
    @ConfigProperty(name = "mis.seed.password")
    Optional<String> seedPassword;

    @PostConstruct
    void start() {
        try (InputStream in = MisStartup.class.getResourceAsStream("/mis-schema.sql");
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the host's tables could not be created: " + e.getMessage(), e);
        }
        if (seedPassword.isPresent() && seed.seedIfEmpty(seedPassword.get())) {
            LOG.info("minimal host: seeded the school greenfield and its users head@greenfield and teacher@greenfield");
        }
    }
}
