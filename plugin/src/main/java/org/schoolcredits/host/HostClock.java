package org.schoolcredits.host;

import java.time.Instant;

/**
 * Optionally implemented by the host as an application-scoped CDI bean: the time the plugin
 * lives by (the demo host moves it forward to show a month end). Without one, the plugin
 * uses the system clock.
 */
public interface HostClock {

    Instant now();
}
