package org.schoolcredits.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL for the Payara Micro that Arquillian starts, on a free port that it
 * publishes as the system property {@value #PORT}, which arquillian.xml hands to Payara Micro. It
 * must be registered before the Arquillian extension so that it runs before the container reads its
 * configuration. Inside the container, where the database is already given
 * ({@code credits.db.url}), it does nothing.
 */
public final class ContainerDatabase implements BeforeAllCallback {

    static final String PORT = "container.db.port";
    private static Object server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (System.getProperty("credits.db.url") != null) {
            return;
        }
        synchronized (ContainerDatabase.class) {
            if (server == null) {
                int port = freePort();
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port)
                        .setPGStartupWait(Duration.ofSeconds(60)).start();
                server = postgres;
                System.setProperty(PORT, Integer.toString(port));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is going anyway
                    }
                }));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
