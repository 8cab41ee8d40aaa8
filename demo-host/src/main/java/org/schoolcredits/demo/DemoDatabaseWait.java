package org.schoolcredits.demo;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.concurrent.TimeUnit;

/**
 * Holds the deployment, before any bean (the plugin's migrations first) connects, while the demo launcher's
 * embedded PostgreSQL is still starting: the launcher starts it beside Payara's boot and sets the system property
 * {@code demo.database} to {@code starting} until it runs. Without the launcher (no such property) nothing waits.
 */
public class DemoDatabaseWait implements Extension {

    /** The system property the launcher sets: {@code starting} until its database runs. */
    public static final String STATE = "demo.database";
    private static final long MAX_WAIT_SECONDS = 120;

    void awaitDatabase(@Observes AfterDeploymentValidation event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        while ("starting".equals(System.getProperty(STATE))) {
            if (System.nanoTime() > deadline) {
                event.addDeploymentProblem(new IllegalStateException(
                        "the embedded database did not start in " + MAX_WAIT_SECONDS + " s"));
                return;
            }
            Thread.sleep(20);
        }
    }
}
