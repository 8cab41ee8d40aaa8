package org.schoolcredits.alerts;

import java.math.BigDecimal;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.rest.JsonBody;

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

    /**
     * Reads {@code {"lowBalanceThreshold":{"learner":2,"connect":20},"emailAlerts":true}} strictly:
     * every field is required, thresholds are numbers from 0 to {@value #MAX_THRESHOLD} with at most
     * three decimals, and any other field is refused.
     */
    public static AlertSettings parse(JsonBody body) {
        body.only("lowBalanceThreshold", "emailAlerts");
        JsonBody thresholds = body.object("lowBalanceThreshold");
        thresholds.only("lowBalanceThreshold.learner", "lowBalanceThreshold.connect");
        return new AlertSettings(threshold(thresholds, "lowBalanceThreshold.learner"),
                threshold(thresholds, "lowBalanceThreshold.connect"), body.bool("emailAlerts"));
    }

    private static Credits threshold(JsonBody body, String field) {
        Credits value = body.credits(field, MAX_THRESHOLD);
        if (value.millis() < 0) {
            throw CreditsException.invalidField(field, "'" + field + "' must not be negative");
        }
        return value;
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
