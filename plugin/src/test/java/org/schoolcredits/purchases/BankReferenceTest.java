package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BankReferenceTest {

    @Test
    @DisplayName("a bank reference names the school and the purchase in at most 18 characters a bank accepts")
    void fitsABank() {
        String reference = BankReference.of("oakwood", UUID.fromString("7f3k2q00-0000-4000-8000-000000000000"
                .replace('k', 'a').replace('q', 'b')));
        assertTrue(reference.matches("SC-OAK-[0-9A-HJKMNP-TV-Z]{8}"), reference);
        assertTrue(reference.length() <= BankReference.MAX_LENGTH);
        assertTrue(BankReference.of("x-é-long school name", UUID.randomUUID()).matches("SC-XLO-[0-9A-Z]{8}"));
        assertTrue(BankReference.of("--", UUID.randomUUID()).matches("SC-X-[0-9A-Z]{8}"));
    }

    @Test
    @DisplayName("the same purchase always has the same reference, and ten thousand purchases have ten thousand")
    void derivedAndDistinct() {
        UUID id = UUID.randomUUID();
        assertEquals(BankReference.of("oakwood", id), BankReference.of("oakwood", id));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(BankReference.of("oakwood", UUID.randomUUID()));
        }
        assertEquals(10_000, seen.size());
    }
}
