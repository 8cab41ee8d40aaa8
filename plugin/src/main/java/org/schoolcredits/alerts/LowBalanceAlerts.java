package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.schoolcredits.ledger.BalanceChanged;
import org.schoolcredits.ledger.Credits;
import org.schoolcredits.storage.Jdbc;

/**
 * Warns a school's admins once each time a balance falls below the school's threshold. The
 * warning is armed while the balance is at or above the threshold, and fires (disarms) on the
 * first change that leaves it below; only a rise back to the threshold re-arms it. A balance
 * that has never been at or above the threshold (a new school's trial credit) warns nobody.
 * <p>
 * It observes the ledger's {@link BalanceChanged}, inside the ledger's transaction, while the
 * ledger holds the balance's row lock: changes of one balance reach it one at a time, so the
 * conditional update on the alert row decides alone, and the e-mail is written in the same
 * transaction (and vanishes with it if it rolls back). A threshold changed in the settings takes
 * effect at the balance's next change.
 */
@ApplicationScoped
public class LowBalanceAlerts {

    private Jdbc db;
    private AlertSettingsRepository settings;
    private AlertEmails emails;

    protected LowBalanceAlerts() {
    }

    @Inject
    public LowBalanceAlerts(Jdbc db, AlertSettingsRepository settings, AlertEmails emails) {
        this.db = db;
        this.settings = settings;
        this.emails = emails;
    }

    public void balanceChanged(@Observes BalanceChanged change) {
        String school = change.schoolId();
        String type = change.creditType().code();
        Credits threshold = settings.threshold(school, change.creditType());
        if (change.available().compareTo(threshold) >= 0) {
            db.update("insert into low_balance_alert (school_id, credit_type, armed) values (?, ?, true)"
                    + " on conflict (school_id, credit_type) do update set armed = true where not low_balance_alert.armed",
                    school, type);
            return;
        }
        boolean crossed = db.update("update low_balance_alert set armed = false where school_id = ?"
                + " and credit_type = ? and armed", school, type) == 1;
        if (crossed) {
            emails.lowBalance(school, change.creditType(), change.available(), threshold);
        }
    }
}
