package org.schoolcredits.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.rest.CreditsRange;

/**
 * {@code PUT /settings}: {@code {"lowBalanceThreshold":{"learner":2,"connect":20},"emailAlerts":true}},
 * every field required, thresholds from 0 to {@value AlertSettings#MAX_THRESHOLD} with at most three decimals.
 */
public record SettingsRequest(
        @NotNull(message = "must be an object") @Valid Thresholds lowBalanceThreshold,
        @NotNull(message = "must be true or false") Boolean emailAlerts) {

    public record Thresholds(
            @NotNull(message = "is required") @CreditsRange(min = 0, max = AlertSettings.MAX_THRESHOLD) Credits learner,
            @NotNull(message = "is required") @CreditsRange(min = 0, max = AlertSettings.MAX_THRESHOLD) Credits connect) {
    }

    /** The settings these stand for. */
    public AlertSettings settings() {
        return new AlertSettings(lowBalanceThreshold.learner(), lowBalanceThreshold.connect(), emailAlerts);
    }
}
