package org.schoolcredits.demo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    @DisplayName("with DEMO_MODE off the launcher refuses to start without DEMO_PASSWORD, and says so")
    void passwordRequiredOutsideDemoMode() {
        for (String off : new String[] {"false", "off", "0", "no"}) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> Launcher.requireDemoPassword(Map.of("DEMO_MODE", off)));
            assertTrue(refused.getMessage().contains("DEMO_PASSWORD is required when DEMO_MODE is off"));
            assertThrows(RuntimeException.class,
                    () -> Launcher.requireDemoPassword(Map.of("DEMO_MODE", off, "DEMO_PASSWORD", " ")));
        }
        Launcher.requireDemoPassword(Map.of("DEMO_MODE", "false", "DEMO_PASSWORD", "s3cret-enough"));
        Launcher.requireDemoPassword(Map.of());
        Launcher.requireDemoPassword(Map.of("DEMO_MODE", "true"));
    }

    @Test
    @DisplayName("the launcher marks its database's state in the system property the demo application waits on")
    void databaseStateNamedAsTheApplicationReadsIt() throws Exception {
        assertEquals(DatabaseStart.STATE, org.schoolcredits.demo.DemoDatabaseWait.class.getField("STATE").get(null));
    }
}
