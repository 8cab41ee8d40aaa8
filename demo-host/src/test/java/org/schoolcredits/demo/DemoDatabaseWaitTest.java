package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoDatabaseWaitTest {

    private final List<Throwable> problems = new ArrayList<>();

    /** An AfterDeploymentValidation that records the deployment problems it is given. */
    private final AfterDeploymentValidation event = (AfterDeploymentValidation) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {AfterDeploymentValidation.class}, (proxy, method, args) -> {
                problems.add((Throwable) args[0]);
                return null;
            });

    @AfterEach
    void clear() {
        System.clearProperty(DemoDatabaseWait.STATE);
    }

    @Test
    @DisplayName("the deployment waits while the launcher's database is starting, and goes on once it is ready")
    void waitsForTheLaunchersDatabase() throws Exception {
        System.setProperty(DemoDatabaseWait.STATE, "starting");
        Thread launcher = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.setProperty(DemoDatabaseWait.STATE, "ready");
        });
        long start = System.nanoTime();
        launcher.start();
        new DemoDatabaseWait().awaitDatabase(event);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms");
        assertEquals("ready", System.getProperty(DemoDatabaseWait.STATE));
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("without the launcher (no database state set) the deployment does not wait")
    void noWaitWithoutTheLauncher() throws Exception {
        long start = System.nanoTime();
        new DemoDatabaseWait().awaitDatabase(event);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 200);
        assertEquals(List.of(), problems);
    }
}
