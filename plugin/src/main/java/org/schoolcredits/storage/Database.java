package org.schoolcredits.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The data source the plugin works on, found by its JNDI name: the plugin's own
 * ({@value CreditsDatabase#JNDI}, the default) or the host's, named by {@value #SETTING}
 * ({@code CREDITS_DATASOURCE}), so that one connection serves the host's writes and the plugin's
 * in one JTA transaction. Hands the plugin's SQL helper, on it, to the beans that need it.
 */
@ApplicationScoped
public class Database {

    public static final String SETTING = "credits.datasource";

    @Inject
    @ConfigProperties
    DatabaseConfig config;

    private volatile DataSource dataSource;

    /** The data source named by {@value #SETTING}; fails with the name when there is none. */
    public DataSource dataSource() {
        if (dataSource == null) {
            try {
                dataSource = InitialContext.doLookup(name());
            } catch (NamingException | ClassCastException e) {
                throw new IllegalStateException("no data source at the JNDI name '" + name() + "' (setting "
                        + SETTING + ", CREDITS_DATASOURCE): " + e, e);
            }
        }
        return dataSource;
    }

    /** The JNDI name of the data source the plugin works on. */
    public String name() {
        return config.datasource;
    }

    /**
     * Application scoped, so that beans get a proxy and the name is read at the first call, inside the
     * application (Payara reads a WAR's own {@code microprofile-config.properties} only then, not while
     * it injects a {@code @Startup} bean).
     */
    @Produces
    @ApplicationScoped
    @CreditsDataSource
    DataSource produceDataSource() {
        return dataSource();
    }

    @Produces
    Jdbc jdbc(@CreditsDataSource DataSource dataSource) {
        return new Jdbc(dataSource);
    }
}
