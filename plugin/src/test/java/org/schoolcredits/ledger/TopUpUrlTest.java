package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.links.HostLinks;

class TopUpUrlTest {

    @Test
    @DisplayName("the top-up link of a 402 and of e-mails is the host's credits page under its public URL")
    void hostsCreditsPage() {
        assertEquals("https://mis.example/mis/settings/credits",
                new Ledger(null, null, "https://mis.example/mis/").topUpUrl());
        assertEquals("https://mis.example/mis/admin/credits",
                new Ledger(null, null, new HostLinks("https://mis.example/mis/", "/admin/credits"), change -> { }).topUpUrl());
    }
}
