package org.schoolcredits.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
     * inside the application. While the application is deployed its names cannot be looked up yet: the
     * connection the provider opens then is a stand-in that connects only when first used (inside the
     * application, or else through the container's own connector), so that a host whose data source
     * the plugin shares need not configure the plugin's own.
     */
    static final class SettingConnector extends JNDIConnector {

        private final Connector deployment;

        SettingConnector(Connector deployment) {
            this.deployment = deployment;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            return found() ? super.connect(properties, session) : standIn(properties, session);
        }

        /** Whether the data source is known, looking it up if need be; false while the application deploys. */
        private boolean found() {
            if (getDataSource() == null) {
                String name = ConfigProvider.getConfig().getOptionalValue(Database.SETTING, String.class)
                        .orElse(CreditsDatabase.JNDI);
                try {
                    setDataSource(InitialContext.<DataSource>doLookup(name));
                } catch (NamingException e) {
                    LOG.fine(() -> "School Credits: '" + name + "' cannot be looked up yet (" + e + ")");
                    return false;
                }
            }
            return true;
        }

        private Connection standIn(Properties properties, Session session) {
            Connection[] real = new Connection[1];
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (real[0] == null) {
                            if ("close".equals(method.getName())) {
                                return null;
                            }
                            if ("isClosed".equals(method.getName())) {
                                return false;
                            }
                            real[0] = found() ? super.connect(properties, session)
                                    : deployment.connect(properties, session);
                        }
                        try {
                            return method.invoke(real[0], args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
