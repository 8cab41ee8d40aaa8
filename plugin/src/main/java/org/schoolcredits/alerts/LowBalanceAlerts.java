package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.ledger.BalanceChanged;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
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
 * transaction (and vanishes with it if it rolls back).
 * <p>
 * A fall that leaves the balance at or above the threshold changes nothing, so it runs no
 * statement: the balance was above the threshold before, and the change that left it there
 * armed the alert. That needs the alert decided whenever a threshold changes, so settings are
 * saved through {@link #save}, which decides both balances' alerts at once. The threshold a fall
 * is compared with is the school's as read at most a second ago
 * ({@link AlertSettingsRepository#remembered}).
 */
@ApplicationScoped
public class LowBalanceAlerts {

    private Jdbc db;
    private AlertSettingsRepository settings;
    private AlertEmails emails;
    private Ledger ledger;

    protected LowBalanceAlerts() {
    }

    @Inject
    public LowBalanceAlerts(Jdbc db, AlertSettingsRepository settings, AlertEmails emails, Ledger ledger) {
        this.db = db;
        this.settings = settings;
        this.emails = emails;
        this.ledger = ledger;
    }

    public void balanceChanged(@Observes BalanceChanged change) {
        if (change.fell() && change.available().compareTo(settings.remembered(change.schoolId(), System.nanoTime())
                .threshold(change.creditType())) >= 0) {
            return;
        }
        decide(change.schoolId(), change.creditType(), change.available());
    }

    /** Replaces a school's settings; its thresholds count at once: each balance's alert is armed, or fires, now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AlertSettings save(String schoolId, AlertSettings changed, String by) {
        AlertSettings saved = settings.save(schoolId, changed, by);
        for (CreditType type : CreditType.values()) {
            decide(schoolId, type, ledger.lockBalance(schoolId, type));
        }
        return saved;
    }

    /**
     * One statement, since it runs while the balance's row is locked: reads the school's threshold
     * (or the default), then arms the alert at or above it or disarms it below, saying whether it
     * disarmed one now (the crossing). An alert that is already as it should be is not written (nor
     * locked): only this observer writes alerts, always under the balance's row lock.
     */
    private void decide(String schoolId, CreditType type, Credits balance) {
        long available = balance.millis();
        Crossing outcome = db.one("with threshold as (select " + settings.thresholdSql(type) + " as millis),"
                        + " armed as (insert into low_balance_alert (school_id, credit_type, armed)"
                        + " select ?, ?, true from threshold where ? >= millis and not exists (select 1"
                        + " from low_balance_alert where school_id = ? and credit_type = ? and armed)"
                        + " on conflict (school_id, credit_type) do update set armed = true),"
                        + " disarmed as (update low_balance_alert set armed = false where school_id = ?"
                        + " and credit_type = ? and armed and ? < (select millis from threshold) returning 1)"
                        + " select millis, exists (select from disarmed) from threshold",
                rs -> new Crossing(new Credits(rs.getLong(1)), rs.getBoolean(2)),
                schoolId, schoolId, type.code(), available, schoolId, type.code(), schoolId, type.code(), available)
                .orElseThrow();
        if (outcome.crossed()) {
            emails.lowBalance(schoolId, type, balance, outcome.threshold());
        }
    }

    private record Crossing(Credits threshold, boolean crossed) {
    }
}
