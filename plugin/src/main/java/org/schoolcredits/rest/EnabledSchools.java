package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.storage.Remembered;

/**
 * Whether a school has the plugin enabled, which every school call asks: an enabled school is
 * {@link Remembered} for a second. A school disabled through this instance stops being served
 * once that commits; through another instance sharing the database, within that second.
 */
@ApplicationScoped
public class EnabledSchools {

    private final Remembered<String, Boolean> enabled = new Remembered<>(Boolean::booleanValue);

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
        return enabled.get(schoolId, now, ledger::isEnabled);
    }

    void disabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) SchoolDisabled event) {
        enabled.forget(event.schoolId());
    }
}
