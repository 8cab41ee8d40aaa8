package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class JsonBodyTest {

    private static CreditsException refusal(String body) {
        return assertThrows(CreditsException.class, () -> JsonBody.parse(body));
    }

    @Test
    @DisplayName("a NUL character in any text of the body is a 400 that names the field, however deep")
    void nulNamesTheField() {
        CreditsException top = refusal("{\"feature\":\"SMS\",\"reference\":\"a\\u0000b\"}");
        assertEquals(ProblemCode.INVALID_FIELD, top.code());
        assertEquals("reference", top.extensions().get("field"));
        CreditsException nested = refusal("{\"items\":[{\"reference\":\"ok\"},{\"reference\":\"\\u0000\"}]}");
        assertEquals("items[1].reference", nested.extensions().get("field"));
        assertEquals("a\\u0000", refusal("{\"a\\u0000\":1}").extensions().get("field"));
    }

    @Test
    @DisplayName("a number out of range and 30,000 nested brackets are malformed JSON, with no parser message echoed")
    void hostileJsonIsMalformed() {
        CreditsException huge = refusal("{\"quantity\":1e2147483648}");
        assertEquals(ProblemCode.MALFORMED_JSON, huge.code());
        assertEquals("The body is not valid JSON", huge.getMessage());
        CreditsException deep = refusal("{\"a\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}");
        assertEquals(ProblemCode.MALFORMED_JSON, deep.code());
        assertEquals("The body is not valid JSON", refusal("{\"feature\":").getMessage());
    }

    @Test
    @DisplayName("brackets inside strings do not count as nesting; 32 levels are accepted")
    void depthCountsStructureOnly() {
        assertEquals(1, JsonBody.depth("{\"a\":\"[[[{{\\\"[[\"}"));
        String deepest = "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}";
        assertEquals(32, JsonBody.depth(deepest));
        JsonBody.parse(deepest);
    }
}
