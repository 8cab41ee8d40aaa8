package org.schoolcredits.storage;

import java.sql.Connection;
import java.util.Properties;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Points the persistence unit {@value CreditsDatabase#UNIT} at the data source the plugin works on,
 * which {@code CREDITS_DATASOURCE} may name (a host's, so that one connection serves both): a
 * {@code persistence.xml} names one data source, fixed when the application is deployed, while the
 * setting is read (from the WAR's configuration too) only once the application runs. So in the
 * container (a JTA unit) every connection of the unit, reads included, comes from the data source of
 * {@link Database#SETTING}, looked up at the first connection. Outside the container (tests,
 * benchmarks: RESOURCE_LOCAL with a data source of their own) it changes nothing.
 */
public class CreditsSession implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(CreditsSession.class.getName());

    @Override
    public void customize(Session session) {
        if (!session.getDatasourceLogin().shouldUseExternalTransactionController()) {
            return;
        }
        DatasourceLogin login = (DatasourceLogin) session.getDatasourceLogin();
        login.setConnector(new SettingConnector(login.getConnector()));
        if (session instanceof ServerSession server
                && server.getReadConnectionPool().getLogin() instanceof DatasourceLogin read) {
            read.setConnector(new SettingConnector(login.getConnector()));
        }
    }

    /**
     * A JNDI connector whose name is {@value Database#SETTING}'s, looked up at its first connection
     * inside the application. The container's own connector serves the one connection the provider
     * makes while the application is deployed, when the application's names cannot be looked up yet.
     */
    static final class SettingConnector extends JNDIConnector {

        private final Connector deployment;

        SettingConnector(Connector deployment) {
            this.deployment = deployment;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            if (getDataSource() == null) {
                String name = ConfigProvider.getConfig().getOptionalValue(Database.SETTING, String.class)
                        .orElse(CreditsDatabase.JNDI);
                try {
                    setDataSource(InitialContext.<DataSource>doLookup(name));
                } catch (NamingException e) {
                    LOG.fine(() -> "School Credits: '" + name + "' cannot be looked up yet (" + e
                            + "): the persistence unit's connection while deploying is the container's");
                    return deployment.connect(properties, session);
                }
            }
            return super.connect(properties, session);
        }
    }
}
