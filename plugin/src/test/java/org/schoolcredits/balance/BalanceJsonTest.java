package org.schoolcredits.balance;

import org.schoolcredits.ledger.Forecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BalanceJsonTest {

    @Test
    @DisplayName("a credit type without enough history has no forecast key; one with has days left, the daily"
            + " average and the suggested package")
    void forecastAbsentOrPresent() {
        JsonObject json = BalanceJson.of(new BalanceView.Balances(
                new BalanceView.Learner(BigDecimal.ONE, BigDecimal.ZERO, false, null),
                new BalanceView.Connect(new BigDecimal("14.5"), BigDecimal.ZERO, new BigDecimal(26), null, true,
                        new BigDecimal(20), new Forecast(4, new BigDecimal(3), "connect-medium"))));
        assertFalse(json.getJsonObject("learner").containsKey("forecast"));
        JsonObject connect = json.getJsonObject("connect");
        assertEquals(JsonValue.NULL, connect.get("allowance"));
        assertEquals(4, connect.getJsonObject("forecast").getInt("daysLeft"));
        assertEquals(new BigDecimal(3), connect.getJsonObject("forecast").getJsonNumber("dailyAverage").bigDecimalValue());
        assertEquals("connect-medium", connect.getJsonObject("forecast").getString("suggestedPackage"));
        assertEquals(new BigDecimal(26), connect.getJsonNumber("pending").bigDecimalValue());
        JsonObject allowance = BalanceJson.of(new BalanceView.Balances(
                new BalanceView.Learner(BigDecimal.ONE, BigDecimal.ZERO, false, null),
                new BalanceView.Connect(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, new BalanceView.Allowance(
                        new BigDecimal(100), OffsetDateTime.parse("2027-01-01T00:00:00Z")), false, BigDecimal.TEN,
                        null))).getJsonObject("connect").getJsonObject("allowance");
        assertEquals("2027-01-01T00:00:00Z", allowance.getString("expiresAt"));
    }

    @Test
    @DisplayName("for a caller who may not buy the balance names the school's admins to ask; for a buyer it has no"
            + " admins key")
    void adminsToAsk() {
        BalanceView.Balances balances = new BalanceView.Balances(
                new BalanceView.Learner(BigDecimal.ONE, BigDecimal.ZERO, false, null),
                new BalanceView.Connect(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, null, true, BigDecimal.TEN, null));
        assertEquals(java.util.List.of("Olivia Oak", "Omar Oak"), BalanceJson.of(balances,
                java.util.List.of("Olivia Oak", "Omar Oak")).getJsonArray("admins")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertFalse(BalanceJson.of(balances, null).containsKey("admins"));
    }
}
