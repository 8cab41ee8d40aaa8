package org.schoolcredits.alerts;

import java.math.BigDecimal;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;

/**
 * A school's low-balance settings: the level below which each credit type's balance is low, and
 * whether its admins get alert e-mails (low-balance warnings and the monthly allowance notice;
 * payment e-mails are always sent).
 */
public record AlertSettings(Credits learnerThreshold, Credits connectThreshold, boolean emailAlerts) {

    /** The highest threshold a school may set. */
    public static final long MAX_THRESHOLD = 1_000_000;

    public Credits threshold(CreditType type) {
        return type == CreditType.LEARNER ? learnerThreshold : connectThreshold;
    }

    /** The settings as the API shows them. */
    public View view() {
        return new View(new Thresholds(learnerThreshold.toDecimal(), connectThreshold.toDecimal()), emailAlerts);
    }

    public record View(Thresholds lowBalanceThreshold, boolean emailAlerts) {
    }

    public record Thresholds(BigDecimal learner, BigDecimal connect) {
    }
}
