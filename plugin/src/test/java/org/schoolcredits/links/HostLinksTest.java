package org.schoolcredits.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.ConfigDefaults;

class HostLinksTest {

    @Test
    @DisplayName("the credits page is the host's path under its public URL, context root included")
    void underTheContextRoot() {
        assertEquals("https://mis.example/mis/school/credits",
                new HostLinks("https://mis.example/mis", "/school/credits").creditsPage());
        assertEquals("https://mis.example/mis/school/credits",
                new HostLinks("https://mis.example/mis/", "school/credits").creditsPage());
    }

    @Test
    @DisplayName("with the plugin's defaults, the credits page is /settings/credits at http://localhost and the PORT")
    void defaultPage() {
        assertEquals("http://localhost:8080/settings/credits", new HostLinks(ConfigDefaults.value("credits.public.url"),
                ConfigDefaults.value("credits.topup.path")).creditsPage());
        assertEquals("http://localhost:${port:8080}", ConfigDefaults.raw("credits.public.url"));
    }

    @Test
    @DisplayName("a query joins the page's own query with &, or starts one with ?")
    void query() {
        assertEquals("https://mis.example/mis/credits?purchase=42",
                new HostLinks("https://mis.example/mis", "/credits").creditsPage("purchase=42"));
        assertEquals("https://mis.example/mis/index.php?page=credits&purchase=42",
                new HostLinks("https://mis.example/mis", "/index.php?page=credits").creditsPage("purchase=42"));
    }
}
