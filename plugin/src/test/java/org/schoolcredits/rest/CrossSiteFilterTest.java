package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class CrossSiteFilterTest {

    static final Set<String> OWN = Set.of("http://localhost:8080", "https://mis.example.org:443");

    private static ProblemCode refused(String method, String type, boolean body, String origin) {
        return assertThrows(CreditsException.class, () -> CrossSiteFilter.check(method, type, body, origin, OWN)).code();
    }

    @Test
    @DisplayName("a state-changing call with a form, multipart or text content type is a 415, body or not")
    void formsAndTextRefused() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused(method, "application/x-www-form-urlencoded", false, null));
            assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused(method, "multipart/form-data; boundary=x", true, null));
            assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused(method, "Text/Plain;charset=UTF-8", true, null));
        }
        assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused("POST", null, true, null), "a body without a type");
    }

    @Test
    @DisplayName("a call from another origin is a 403; its own origin and the public URL's pass, whatever the spelling")
    void foreignOriginsRefused() {
        assertEquals(ProblemCode.FOREIGN_ORIGIN, refused("POST", "application/json", true, "http://evil.example"));
        assertEquals(ProblemCode.FOREIGN_ORIGIN, refused("POST", null, false, "http://localhost:8081"));
        assertEquals(ProblemCode.FOREIGN_ORIGIN, refused("DELETE", null, false, "null"));
        assertEquals(ProblemCode.FOREIGN_ORIGIN, refused("POST", "application/json", true, "https://localhost:8080"));
        CrossSiteFilter.check("POST", "application/json", true, "http://LOCALHOST:8080", OWN);
        CrossSiteFilter.check("PUT", "application/json; charset=utf-8", true, "https://mis.example.org", OWN);
    }

    @Test
    @DisplayName("JSON, a call with no body and no type, and safe methods pass")
    void ordinaryCallsPass() {
        CrossSiteFilter.check("POST", "application/json", true, null, OWN);
        CrossSiteFilter.check("POST", null, false, null, OWN);
        CrossSiteFilter.check("GET", "text/plain", true, "http://evil.example", OWN);
        assertEquals("http://localhost:80", CrossSiteFilter.origin("http://localhost/api/credits"));
        assertEquals(null, CrossSiteFilter.origin("null"));
    }
}
