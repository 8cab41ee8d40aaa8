package org.schoolcredits.kernel;

import org.schoolcredits.kernel.Credits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CreditsTest {

    @Test
    @DisplayName("decimals with up to three places are exact; more places or overflow are refused")
    void parsing() {
        assertEquals(600, Credits.of(new BigDecimal("0.6")).millis());
        assertEquals(99_400, Credits.of(new BigDecimal("99.400")).millis());
        assertThrows(ArithmeticException.class, () -> Credits.of(new BigDecimal("0.0001")));
        assertThrows(ArithmeticException.class, () -> Credits.of(new BigDecimal("1e30")));
        assertThrows(ArithmeticException.class, () -> Credits.of(Long.MAX_VALUE));
    }

    @Test
    @DisplayName("amounts print as plain JSON numbers: 0.6, 8, 100")
    void printing() {
        assertEquals("0.6", Credits.of(new BigDecimal("0.6")).toDecimal().toString());
        assertEquals("8", Credits.of(8).toDecimal().toString());
        assertEquals("100", Credits.of(100).toDecimal().toString());
        assertEquals("-99.4", new Credits(-99_400).toDecimal().toString());
    }
}
