package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.host.SchoolEnabled;

/**
 * A school's wallet follows the host's school events, inside the host's transaction: enabling
 * provisions it and grants the free trial learner credit, once per school ever; disabling keeps
 * the credits and hides the plugin from the school.
 */
@ApplicationScoped
public class Wallets {

    static final String TRIAL_REFERENCE = "trial";

    private Ledger ledger;

    protected Wallets() {
    }

    @Inject
    public Wallets(Ledger ledger) {
        this.ledger = ledger;
    }

    public void enabled(@Observes @Priority(100) SchoolEnabled event) {
        ledger.provision(event.schoolId());
        ledger.grant(new Grant(event.schoolId(), CreditType.LEARNER, LotSource.TRIAL, TRIAL_REFERENCE, Credits.of(1),
                null, false, Actor.SYSTEM));
    }

    void disabled(@Observes SchoolDisabled event) {
        ledger.disable(event.schoolId());
    }
}
