package org.schoolcredits.balance;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.format.DateTimeFormatter;
import org.schoolcredits.ledger.Forecast;

/**
 * {@link BalanceView.Balances} as GET /balance answers them: written by hand because a credit type's
 * {@code forecast} is absent without enough history, where the plugin's JSON writes every other
 * absent value as {@code null} (the allowance, a forecast's suggested package).
 */
final class BalanceJson {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private BalanceJson() {
    }

    static JsonObject of(BalanceView.Balances balances) {
        return of(balances, null);
    }

    /**
     * With {@code admins}, the names of the school's admins, for a caller who may not buy (the
     * low-balance banner tells them whom to ask, as a 402 does); null for one who may: no key.
     */
    static JsonObject of(BalanceView.Balances balances, java.util.List<String> admins) {
        BalanceView.Learner learner = balances.learner();
        BalanceView.Connect connect = balances.connect();
        JsonObjectBuilder learnerJson = JSON.createObjectBuilder().add("available", learner.available())
                .add("pending", learner.pending()).add("lowBalance", learner.lowBalance());
        JsonObjectBuilder connectJson = JSON.createObjectBuilder().add("available", connect.available())
                .add("held", connect.held()).add("pending", connect.pending())
                .add("allowance", connect.allowance() == null ? JsonValue.NULL : JSON.createObjectBuilder()
                        .add("remaining", connect.allowance().remaining())
                        .add("expiresAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(connect.allowance().expiresAt()))
                        .build())
                .add("lowBalance", connect.lowBalance()).add("lowBalanceThreshold", connect.lowBalanceThreshold());
        if (learner.forecast() != null) {
            learnerJson.add("forecast", forecast(learner.forecast()));
        }
        if (connect.forecast() != null) {
            connectJson.add("forecast", forecast(connect.forecast()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("learner", learnerJson).add("connect", connectJson);
        if (admins != null) {
            json.add("admins", JSON.createArrayBuilder(admins));
        }
        return json.build();
    }

    private static JsonObject forecast(Forecast forecast) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("daysLeft", forecast.daysLeft())
                .add("dailyAverage", forecast.dailyAverage());
        return (forecast.suggestedPackage() == null ? json.addNull("suggestedPackage")
                : json.add("suggestedPackage", forecast.suggestedPackage())).build();
    }
}
