package org.schoolcredits.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.ProblemCode;

class InsufficientCreditsProblemTest {

    static final InsufficientCreditsException REFUSED = new InsufficientCreditsException(CreditType.CONNECT,
            new BigDecimal("1.2"), BigDecimal.ONE, "https://mis.example/mis/settings/credits");
    static final Caller ADMIN = new Caller("oakwood", "admin", "Olivia Oak",
            Set.of("credits.view", "credits.use", "credits.manage"));
    static final Caller STAFF = new Caller("oakwood", "staff", "Sam Oak", Set.of("credits.view", "credits.use"));

    @Test
    @DisplayName("a caller who may buy gets the top-up link and no names")
    void buyerGetsTheLink() {
        JsonObject problem = InsufficientCreditsProblem.of(REFUSED, ADMIN, List.of("Olivia Oak"));
        assertEquals("https://mis.example/mis/settings/credits", problem.getString("topUpUrl"));
        assertFalse(problem.containsKey("admins"));
        assertEquals(402, problem.getInt("status"));
        assertEquals("insufficient_credits", problem.getString("code"));
        assertEquals("connect", problem.getString("creditType"));
        assertEquals(new BigDecimal("1.2"), problem.getJsonNumber("required").bigDecimalValue());
        assertEquals(BigDecimal.ONE, problem.getJsonNumber("available").bigDecimalValue());
    }

    @Test
    @DisplayName("a caller who may not buy gets no link but the names of the school's admins")
    void staffGetTheAdmins() {
        JsonObject problem = InsufficientCreditsProblem.of(REFUSED, STAFF, List.of("Olivia Oak", "Oscar Oak"));
        assertFalse(problem.containsKey("topUpUrl"));
        assertEquals(List.of("Olivia Oak", "Oscar Oak"), problem.getJsonArray("admins").getValuesAs(JsonString::getString));
        assertTrue(InsufficientCreditsProblem.of(REFUSED, null, List.of()).getJsonArray("admins").isEmpty());
    }

    @Test
    @DisplayName("a 402 says how many credits are bought but still pending payment")
    void saysWhatIsPending() {
        InsufficientCreditsException refused = new InsufficientCreditsException(CreditType.CONNECT,
                new BigDecimal("8"), new BigDecimal("0.6"), new BigDecimal("26"), null);
        JsonObject problem = InsufficientCreditsProblem.of(refused, STAFF, List.of("Olivia Oak"));
        assertEquals(new BigDecimal("26"), problem.getJsonNumber("pending").bigDecimalValue());
        assertEquals(BigDecimal.ZERO, InsufficientCreditsProblem.of(REFUSED, STAFF, List.of())
                .getJsonNumber("pending").bigDecimalValue());
    }

    @Test
    @DisplayName("the host kit's document is the plugin's own 402: same type, title and code")
    void sameAsThePlugins() {
        JsonObject problem = InsufficientCreditsProblem.of(REFUSED, ADMIN, List.of());
        assertEquals(ProblemCode.INSUFFICIENT_CREDITS.title(), problem.getString("title"));
        assertEquals(ProblemCode.INSUFFICIENT_CREDITS.code(), problem.getString("code"));
        assertEquals(ProblemCode.INSUFFICIENT_CREDITS.status(), problem.getInt("status"));
        assertEquals("https://schoolcredits.org/problems/" + ProblemCode.INSUFFICIENT_CREDITS.code().replace('_', '-'),
                problem.getString("type"));
    }

    @Test
    @DisplayName("the exception is found however deep the container wrapped it")
    void foundInCauses() {
        RuntimeException wrapped = new RuntimeException("rolled back", new IllegalStateException("observer", REFUSED));
        assertSame(REFUSED, InsufficientCreditsProblem.in(wrapped).orElseThrow());
        assertTrue(InsufficientCreditsProblem.in(new RuntimeException("other")).isEmpty());
    }
}
