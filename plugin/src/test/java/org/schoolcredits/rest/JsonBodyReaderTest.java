package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.alerts.SettingsRequest;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.learners.RegistrationRequest;
import org.schoolcredits.metering.UsageBatchRequest;
import org.schoolcredits.metering.UsageRequest;
import org.schoolcredits.platform.AdjustmentRequest;
import org.schoolcredits.platform.PriceRequest;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.PurchaseRequest;

class JsonBodyReaderTest {

    private static CreditsException refused(Class<? extends Record> type, String json) {
        return assertThrows(CreditsException.class, () -> Requests.read(type, json), json);
    }

    private static void refused(ProblemCode code, String field, Class<? extends Record> type, String json) {
        CreditsException e = refused(type, json);
        assertEquals(code, e.code(), json + ": " + e.getMessage());
        assertEquals(field, e.extensions().get("field"), json + ": " + e.getMessage());
    }

    @Test
    @DisplayName("a usage binds to its record with its texts stripped and capture false when absent")
    void binds() {
        UsageRequest usage = Requests.read(UsageRequest.class,
                "{\"feature\":\" SMS \",\"quantity\":2.0,\"reference\":\"msg-1\"}");
        assertEquals(new UsageRequest("SMS", 2L, "msg-1", null), usage);
        assertFalse(usage.captures());
        assertEquals(new RegistrationRequest("A1"), Requests.read(RegistrationRequest.class, "{\"learnerRef\":\"A1\"}"));
        assertEquals(new PriceRequest(new Credits(600), OffsetDateTime.parse("2027-01-01T00:00Z")),
                Requests.read(PriceRequest.class, "{\"credits\":0.600,\"effectiveFrom\":\"2027-01-01T00:00:00Z\"}"));
    }

    @Test
    @DisplayName("credits bind exactly to thousandths, whatever the number's spelling, and never through a double")
    void creditsExact() {
        AdjustmentRequest adjustment = Requests.read(AdjustmentRequest.class,
                "{\"school\":\"oakwood\",\"creditType\":\"connect\",\"amount\":-0.1,\"reason\":\"r\"}");
        assertEquals(new Credits(-100), adjustment.amount());
        assertEquals(CreditType.CONNECT, adjustment.creditType());
        assertEquals(new Credits(999_999_999), Requests.read(AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":999999.999,\"reason\":\"r\"}").amount());
        assertEquals(new Credits(1_500), Requests.read(AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":15E-1,\"reason\":\"r\"}").amount());
        refused(ProblemCode.INVALID_FIELD, "amount", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":0.0001,\"reason\":\"r\"}");
        refused(ProblemCode.INVALID_FIELD, "amount", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":1e-1000000000,\"reason\":\"r\"}");
        refused(ProblemCode.INVALID_FIELD, "amount", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":1e400,\"reason\":\"r\"}");
    }

    @Test
    @DisplayName("a field the record does not have is a 400 unknown_field naming it, at any depth")
    void unknownFields() {
        refused(ProblemCode.UNKNOWN_FIELD, "balance", PurchaseRequest.class,
                "{\"packageId\":\"learner-1\",\"method\":\"card\",\"balance\":1000000}");
        refused(ProblemCode.UNKNOWN_FIELD, "items[1].capture", UsageBatchRequest.class,
                "{\"atomic\":true,\"items\":[{\"feature\":\"SMS\",\"quantity\":1},"
                        + "{\"feature\":\"SMS\",\"quantity\":1,\"capture\":true}]}");
        refused(ProblemCode.UNKNOWN_FIELD, "lowBalanceThreshold.sms", SettingsRequest.class,
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":2,\"sms\":1},\"emailAlerts\":true}");
    }

    @Test
    @DisplayName("a string where a number belongs, a number where a string belongs, and a string for a boolean are each a 400 naming the field")
    void wrongTypes() {
        refused(ProblemCode.INVALID_FIELD, "quantity", UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":\"2\"}");
        refused(ProblemCode.INVALID_FIELD, "feature", UsageRequest.class, "{\"feature\":7,\"quantity\":2}");
        refused(ProblemCode.INVALID_FIELD, "capture", UsageRequest.class,
                "{\"feature\":\"SMS\",\"quantity\":2,\"capture\":\"true\"}");
        refused(ProblemCode.INVALID_FIELD, "quantity", UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":1.5}");
        refused(ProblemCode.INVALID_FIELD, "amount", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":\"10\",\"reason\":\"r\"}");
        refused(ProblemCode.INVALID_FIELD, "creditType", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"LEARNER\",\"amount\":1,\"reason\":\"r\"}");
        refused(ProblemCode.INVALID_FIELD, "items", UsageBatchRequest.class, "{\"atomic\":true,\"items\":{}}");
        refused(ProblemCode.INVALID_FIELD, "items[0]", UsageBatchRequest.class, "{\"atomic\":true,\"items\":[null]}");
        refused(ProblemCode.INVALID_FIELD, "effectiveFrom", PriceRequest.class,
                "{\"credits\":1,\"effectiveFrom\":\"2027-01-01\"}");
    }

    @Test
    @DisplayName("Bean Validation refusals are a 400 invalid_field naming the field as the body spells it")
    void constraints() {
        CreditsException missing = refused(PurchaseRequest.class, "{\"method\":\"card\"}");
        assertEquals(ProblemCode.INVALID_FIELD, missing.code());
        assertEquals("packageId", missing.extensions().get("field"));
        assertEquals("'packageId' is required", missing.getMessage());
        refused(ProblemCode.INVALID_FIELD, "method", PurchaseRequest.class, "{\"packageId\":\"x\",\"method\":\"   \"}");
        refused(ProblemCode.INVALID_FIELD, "quantity", UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":0}");
        refused(ProblemCode.INVALID_FIELD, "quantity", UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":10001}");
        refused(ProblemCode.INVALID_FIELD, "reference", UsageRequest.class,
                "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"" + "r".repeat(201) + "\"}");
        refused(ProblemCode.INVALID_FIELD, "items[3].quantity", UsageBatchRequest.class, "{\"atomic\":true,\"items\":["
                + "{\"feature\":\"SMS\",\"quantity\":1},".repeat(3) + "{\"feature\":\"SMS\",\"quantity\":-1}]}");
        refused(ProblemCode.INVALID_FIELD, "items", UsageBatchRequest.class, "{\"atomic\":true,\"items\":[]}");
        refused(ProblemCode.INVALID_FIELD, "atomic", UsageBatchRequest.class,
                "{\"items\":[{\"feature\":\"SMS\",\"quantity\":1}]}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.learner", SettingsRequest.class,
                "{\"lowBalanceThreshold\":{\"learner\":-1,\"connect\":2},\"emailAlerts\":true}");
        refused(ProblemCode.INVALID_FIELD, "amount", AdjustmentRequest.class,
                "{\"school\":\"s\",\"creditType\":\"learner\",\"amount\":1000000.001,\"reason\":\"r\"}");
    }

    @Test
    @DisplayName("a body over 64 KiB is a 413, invalid UTF-8 and non-objects are malformed, and a NUL names its field")
    void edges() {
        byte[] big = ("{\"learnerRef\":\"" + "x".repeat(JsonBodyReader.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        CreditsException tooLarge = assertThrows(CreditsException.class, () -> Requests.read(RegistrationRequest.class, big));
        assertEquals(ProblemCode.BODY_TOO_LARGE, tooLarge.code());
        byte[] latin = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(ProblemCode.MALFORMED_JSON, assertThrows(CreditsException.class,
                () -> Requests.read(RegistrationRequest.class, latin)).code());
        for (String body : new String[] {"[1,2,3]", "", "null", "{\"learnerRef\":", "{\"learnerRef\":1e2147483648}"}) {
            CreditsException e = refused(RegistrationRequest.class, body);
            assertEquals(ProblemCode.MALFORMED_JSON, e.code(), body);
            assertFalse(e.getMessage().contains("Exponent") || e.getMessage().contains("column"), e.getMessage());
        }
        String deep = "{\"learnerRef\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        assertEquals(ProblemCode.MALFORMED_JSON, refused(RegistrationRequest.class, deep).code());
        refused(ProblemCode.INVALID_FIELD, "learnerRef", RegistrationRequest.class, "{\"learnerRef\":\"L\\u0000\"}");
        refused(ProblemCode.INVALID_FIELD, "items[0].reference", UsageBatchRequest.class,
                "{\"atomic\":true,\"items\":[{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"a\\u0000\"}]}");
    }

    @Test
    @DisplayName("the same body in another field order has the same idempotency text; another value does not")
    void canonical() {
        String one = Idempotency.json(Requests.read(UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"a\"}"));
        String two = Idempotency.json(Requests.read(UsageRequest.class, "{\"reference\":\" a\",\"quantity\":1.0,\"feature\":\"SMS\"}"));
        assertEquals(one, two);
        assertTrue(one.contains("\"quantity\":1"), one);
        String other = Idempotency.json(Requests.read(UsageRequest.class, "{\"feature\":\"SMS\",\"quantity\":2,\"reference\":\"a\"}"));
        assertFalse(one.equals(other));
        assertTrue(Idempotency.json(Requests.read(PriceRequest.class,
                "{\"credits\":0.6,\"effectiveFrom\":\"2027-01-01T00:00:00Z\"}")).contains("\"credits\":0.6"));
    }

    @Test
    @DisplayName("the violation mapper answers the problem+json 400 of a refused field")
    void mapper() {
        var violations = Validation.buildDefaultValidatorFactory().getValidator()
                .validate(new UsageRequest("SMS", 0L, null, null));
        Response response = new ConstraintViolationMapper().toResponse(new ConstraintViolationException(violations));
        assertEquals(400, response.getStatus());
        assertEquals(ProblemMapper.PROBLEM_JSON, response.getMediaType().toString());
        String body = response.getEntity().toString();
        assertTrue(body.contains("\"code\":\"invalid_field\"") && body.contains("\"field\":\"quantity\""), body);
        assertNull(response.getHeaderString("Retry-After"));
    }
}
