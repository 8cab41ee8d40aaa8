package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopUpUrlTest {

    @Test
    @DisplayName("the top-up link of a 402 and of e-mails is the host's credits page under its public URL")
    void hostsCreditsPage() {
        Ledger ledger = new Ledger(null, null, "https://mis.example/mis/");
        assertEquals("https://mis.example/mis/settings/credits", ledger.topUpUrl());
        ledger.creditsPath = "/admin/credits";
        assertEquals("https://mis.example/mis/admin/credits", ledger.topUpUrl());
    }
}
