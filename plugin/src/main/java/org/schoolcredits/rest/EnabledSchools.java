package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.ledger.Ledger;

/**
 * Whether a school has the plugin enabled, which every school call asks: an enabled school is
 * remembered for {@link #REMEMBERED} nanoseconds (one second), so that the question costs a query
 * a second rather than one a call. A school disabled through this instance stops being served
 * once that commits; through another instance sharing the database, within that second.
 */
@ApplicationScoped
public class EnabledSchools {

    static final long REMEMBERED = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, Long> enabledUntil = new ConcurrentHashMap<>();

    private Ledger ledger;

    protected EnabledSchools() {
    }

    @Inject
    public EnabledSchools(Ledger ledger) {
        this.ledger = ledger;
    }

    public boolean isEnabled(String schoolId) {
        return isEnabled(schoolId, System.nanoTime());
    }

    /** As {@link #isEnabled(String)}, at {@code now} on {@link System#nanoTime()}'s scale. */
    boolean isEnabled(String schoolId, long now) {
        Long until = enabledUntil.get(schoolId);
        if (until != null && now - until < 0) {
            return true;
        }
        if (!ledger.isEnabled(schoolId)) {
            enabledUntil.remove(schoolId);
            return false;
        }
        enabledUntil.put(schoolId, now + REMEMBERED);
        return true;
    }

    void disabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) SchoolDisabled event) {
        enabledUntil.remove(event.schoolId());
    }
}
