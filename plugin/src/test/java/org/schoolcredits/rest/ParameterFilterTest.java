package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class ParameterFilterTest {

    @Test
    @DisplayName("a NUL in a path or query parameter is a 400 naming the parameter; ordinary values pass")
    void nulRefused() {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("limit", "10");
        parameters.add("cursor", "abc");
        ParameterFilter.refuseNul(parameters);
        parameters.add("cursor", "a\0b");
        CreditsException refused = assertThrows(CreditsException.class, () -> ParameterFilter.refuseNul(parameters));
        assertEquals(ProblemCode.INVALID_PARAMETER, refused.code());
        assertEquals("cursor", refused.extensions().get("parameter"));
    }
}
