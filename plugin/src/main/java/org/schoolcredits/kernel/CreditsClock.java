package org.schoolcredits.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import org.schoolcredits.host.HostClock;

/** The one clock the plugin reads: the host's {@link HostClock} where it has one, else the system's. */
@ApplicationScoped
public class CreditsClock {

    @Inject
    Instance<HostClock> hostClock;

    public Instant now() {
        return hostClock != null && hostClock.isResolvable() ? hostClock.get().now() : Instant.now();
    }
}
