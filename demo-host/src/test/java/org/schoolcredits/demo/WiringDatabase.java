package org.schoolcredits.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL on the fixed port that arquillian.xml hands to Payara Micro; it must
 * be registered before the Arquillian extension so that it runs before the container starts.
 */
public final class WiringDatabase implements BeforeAllCallback {

    static final int PORT = 54329;
    private static EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (WiringDatabase.class) {
            if (server == null) {
                server = EmbeddedPostgres.builder().setPort(PORT).setPGStartupWait(Duration.ofSeconds(60)).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (java.io.IOException e) {
                        // the JVM is going anyway
                    }
                }));
            }
        }
    }
}
