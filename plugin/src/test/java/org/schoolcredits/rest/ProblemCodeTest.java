package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.problem.ProblemCode;

class ProblemCodeTest {

    @Test
    @DisplayName("every problem code is unique and reads as snake_case words")
    void codesAreUnique() {
        Set<String> codes = Stream.of(ProblemCode.values()).map(ProblemCode::code).collect(Collectors.toSet());
        assertEquals(ProblemCode.values().length, codes.size());
        codes.forEach(code -> assertEquals(true, code.matches("[a-z]+(_[a-z]+)*"), code));
    }

    @Test
    @DisplayName("every problem code has a 4xx or 5xx status and a title")
    void statuses() {
        for (ProblemCode code : ProblemCode.values()) {
            assertEquals(true, code.status() >= 400 && code.status() < 600 && !code.title().isBlank(), code.code());
        }
    }
}
