package org.schoolcredits.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    @DisplayName("without CREDITS_PUBLIC_URL the public address is http://localhost with the PORT the MIS serves on")
    void defaultsToThePort() {
        assertEquals("http://localhost:9090", new PublicUrl(Optional.empty(), Optional.of("9090")).url());
        assertEquals("http://localhost:8080", new PublicUrl(Optional.of(" "), Optional.empty()).url());
        assertEquals("https://mis.example.org", new PublicUrl(Optional.of("https://mis.example.org/"),
                Optional.of("9090")).url());
    }
}
