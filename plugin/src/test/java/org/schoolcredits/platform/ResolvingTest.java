package org.schoolcredits.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.Purchase.Resolution.Outcome;
import org.schoolcredits.rest.Requests;

/** The body of finance's resolve call is read strictly: a bad one is a 400 naming the field, before anything runs. */
class ResolvingTest {

    static CreditsException refused(String body) {
        return assertThrows(CreditsException.class, () -> Requests.read(ResolveRequest.class, body));
    }

    static void assertRefused(ProblemCode code, String field, String body) {
        CreditsException e = refused(body);
        assertEquals(code, e.code(), body);
        assertEquals(field, e.extensions().get("field"), body);
    }

    @Test
    @DisplayName("credit and dismiss are the two actions, and the reason is trimmed")
    void actions() {
        ResolveRequest credit = Requests.read(ResolveRequest.class, "{\"action\":\"credit\",\"reason\":\"  Bank shows £10.00  \"}");
        assertEquals(Outcome.CREDITED, credit.outcome());
        assertEquals("Bank shows £10.00", credit.reason());
        assertEquals(Outcome.DISMISSED, Requests.read(ResolveRequest.class, "{\"action\":\"dismiss\",\"reason\":\"Test payment\"}").outcome());
    }

    @Test
    @DisplayName("a missing, blank or over-long reason, an unknown action and an extra field are 400s naming the field")
    void badBodies() {
        assertRefused(ProblemCode.INVALID_FIELD, "reason", "{\"action\":\"credit\"}");
        assertRefused(ProblemCode.INVALID_FIELD, "reason", "{\"action\":\"credit\",\"reason\":\"   \"}");
        assertRefused(ProblemCode.INVALID_FIELD, "reason", "{\"action\":\"credit\",\"reason\":\"" + "x".repeat(501) + "\"}");
        assertRefused(ProblemCode.INVALID_FIELD, "reason", "{\"action\":\"credit\",\"reason\":42}");
        assertRefused(ProblemCode.INVALID_FIELD, "action", "{\"action\":\"refund\",\"reason\":\"why\"}");
        assertRefused(ProblemCode.INVALID_FIELD, "action", "{\"reason\":\"why\"}");
        assertRefused(ProblemCode.UNKNOWN_FIELD, "amount", "{\"action\":\"credit\",\"reason\":\"why\",\"amount\":5}");
        assertEquals(500, Requests.read(ResolveRequest.class, "{\"action\":\"dismiss\",\"reason\":\""
                + "x".repeat(500) + "\"}").reason().length());
    }
}
