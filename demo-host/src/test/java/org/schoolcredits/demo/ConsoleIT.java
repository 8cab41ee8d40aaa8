package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The settings panel in sections, the simulated checkout's endings as a buyer meets them, and platform
 * finance's console, in headless Chromium as each user would use them.
 */
@ExtendWith(RunningDemo.class)
class ConsoleIT {

    static final String ADMIN = "admin@oakwood";
    static final String FINANCE = "finance@platform";
    static final String[] STATUS = {"credits-settings", "#last-action[role=status]"};
    static final String[] CONSOLE_STATUS = {"credits-finance", "#last-action[role=status]"};

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    static String[] inSettings(String selector) {
        return new String[] {"credits-settings", selector};
    }

    static String[] inConsole(String selector) {
        return new String[] {"credits-finance", selector};
    }

    static JsonObject buy(String packageId, String method) {
        Api.Reply created = Api.as(ADMIN).post("/api/credits/purchases", "{\"packageId\":\"" + packageId
                + "\",\"method\":\"" + method + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    static String status(String id) {
        return Api.as(ADMIN).get("/api/credits/purchases/" + id).json().getString("status");
    }

    @Test
    @DisplayName("the settings panel reads as sections Buy · Purchases · History · Usage · Warnings; a link goes to its"
            + " section, and the result of the last action shows at the top")
    void sections() {
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        assertEquals("Credits · School Credits demo", browser.driver().getTitle());
        List<String> links = browser.findAll("credits-settings", "nav.sections a").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Buy", "Purchases", "History", "Usage", "Warnings"), links);
        for (String id : List.of("buy", "purchases", "history", "usage", "warnings")) {
            assertFalse(browser.find(inSettings("section#" + id + " h2")).getText().isBlank(), id);
        }
        assertEquals("", browser.find(STATUS).getText());
        browser.find(inSettings("nav.sections a[href='#warnings']")).click();
        browser.until("the Warnings heading has the focus", () -> "alerts-title".equals(browser.js(
                "return document.querySelector('credits-settings').shadowRoot.activeElement?.id")));
        browser.find(inSettings("form.alerts button[type=submit]")).click();
        assertEquals("The warnings are saved.", browser.textOnce("saved", STATUS));
        assertEquals(Boolean.TRUE, browser.js("const root = document.querySelector('credits-settings').shadowRoot;"
                + " return root.querySelector('#last-action').getBoundingClientRect().top"
                + " < root.querySelector('#buy').getBoundingClientRect().top"));
    }

    @Test
    @DisplayName("a card payment that fails in the checkout reads \"The payment failed\", not cancelled, and its"
            + " purchase shows Payment failed")
    void failedCardPayment() throws Exception {
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        browser.find(inSettings("input[name=method][value=card]")).click();
        browser.find(inSettings("button[data-package=connect-small]")).click();
        browser.until("the simulated checkout", () -> browser.driver().getCurrentUrl().contains("/api/credits/checkout/"));
        browser.find("input[name=method][value=paypal]").click();
        assertTrue(browser.find("[data-for=paypal]").isDisplayed());
        browser.find("button[data-end$='/fail']").click();
        browser.until("back on the credits page", () -> browser.driver().getCurrentUrl().contains("/settings/credits?purchase="));
        browser.settled();
        String id = browser.driver().getCurrentUrl().replaceAll(".*[?&]purchase=([^&]+).*", "$1");
        assertFalse(browser.driver().getCurrentUrl().contains("cancelled"));
        assertEquals("The payment failed; nothing was charged.", browser.textOnce("failed", STATUS));
        assertEquals("Payment failed", browser.find(inSettings("tr[data-id='" + id + "'] td[data-column=Status]")).getText());
        assertEquals("failed", status(id));
    }

    @Test
    @DisplayName("a checkout Stripe expires (checkout.session.expired, signed) makes the purchase expired: it leaves the"
            + " list for a folded Expired checkouts, and its checkout page says it expired with no button")
    void expiredCheckout() throws Exception {
        JsonObject purchase = buy("connect-small", "card");
        String id = purchase.getString("id");
        String session = purchase.getString("checkoutSessionId");
        Api.Reply delivered = RefundsIT.deliver(RefundsIT.event("checkout.session.expired", Json.createObjectBuilder()
                .add("id", session).add("object", "checkout.session").add("amount_total", purchase.getInt("pence"))
                .add("currency", "gbp").add("client_reference_id", id).add("mode", "payment")
                .add("payment_status", "unpaid").add("status", "expired").build()));
        assertEquals(200, delivered.status() / 100 * 100, delivered::toString);
        assertEquals("expired", status(id));
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        assertTrue(browser.findAll(inSettings("table[aria-label=Purchases] tr[data-id='" + id + "']")).isEmpty());
        WebElement folded = browser.find(inSettings("details.expired"));
        assertFalse(folded.getDomAttribute("open") != null);
        browser.find(inSettings("details.expired summary")).click();
        assertEquals("Expired", browser.find(inSettings("details.expired tr[data-id='" + id + "'] td[data-column=Status]"))
                .getText());
        browser.driver().get(purchase.getString("checkoutUrl"));
        assertEquals("This checkout expired. Nothing was charged.", browser.find(".outcome h2").getText());
        assertTrue(browser.findAll("button").isEmpty());
        String path = purchase.getString("checkoutUrl").replaceFirst("^https?://[^/]+", "");
        assertEquals(409, Api.as(ADMIN).post(path + "/complete", null).status());
        assertEquals("expired", status(id));
    }

    @Test
    @DisplayName("finance clears one pending BACS payment in the console and fails another, adds an adjustment with a"
            + " reason, sees the price versions (dates in en-GB) and the reconciliation OK")
    void financeConsole() throws Exception {
        JsonObject cleared = buy("learner-10", "bacs");
        JsonObject failed = buy("learner-1", "cheque");
        browser.signIn(FINANCE);
        browser.driver().executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-US"));
        browser.open("/");
        assertEquals("Dashboard · School Credits demo", browser.driver().getTitle());
        String clearRef = cleared.getString("reference");
        String failRef = failed.getString("reference");
        browser.find(inConsole("button[aria-label='Clear " + clearRef + "']")).click();
        assertTrue(browser.textOnce("Cleared", CONSOLE_STATUS).startsWith("Cleared " + clearRef + ": 10 learner credits"
                + " now available to oakwood."), browser.find(CONSOLE_STATUS).getText());
        assertEquals("paid", status(cleared.getString("id")));
        browser.find(inConsole("button[aria-label='Fail " + failRef + "']")).click();
        assertTrue(browser.textOnce("Failed", CONSOLE_STATUS).startsWith("Failed " + failRef));
        assertEquals("failed", status(failed.getString("id")));
        browser.until("both left the pending list", () -> browser.findAll(inConsole("#pending tr[data-id='"
                + cleared.getString("id") + "'], #pending tr[data-id='" + failed.getString("id") + "']")).isEmpty());

        int before = Api.as(ADMIN).get("/api/credits/balance").json().getJsonObject("learner")
                .getJsonNumber("available").intValue();
        for (String[] field : new String[][] {{"school", "oakwood"}, {"amount", "2"}, {"reason", "Goodwill after outage"}}) {
            browser.find(inConsole("form.adjust input[name=" + field[0] + "]")).sendKeys(field[1]);
        }
        browser.find(inConsole("form.adjust button[type=submit]")).click();
        assertTrue(browser.textOnce("Adjusted", CONSOLE_STATUS).contains("Goodwill after outage"));
        assertEquals(before + 2, Api.as(ADMIN).get("/api/credits/balance").json().getJsonObject("learner")
                .getJsonNumber("available").intValue());
        assertEquals(201, ConnectIT.FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                + "\"creditType\":\"learner\",\"amount\":-2,\"reason\":\"ConsoleIT: undo\"}").status());

        assertFalse(browser.findAll(inConsole("#prices tr[data-feature=SMS]")).isEmpty());
        String from = browser.find(inConsole("#prices tr[data-feature=SMS] td[data-column=From]")).getText();
        assertTrue(from.matches("\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}"), "en-GB whatever the browser's locale ("
                + browser.js("return navigator.language") + "): " + from);
        assertTrue(browser.find(inConsole("#reconciliation p.state")).getText().startsWith("OK: the ledger balances"));
        assertTrue(browser.find(inConsole("#outbox a")).getAttribute("href").endsWith("/mail"));
        browser.screenshot("finance-console-after-clearing");
        browser.driver().executeCdpCommand("Emulation.setLocaleOverride", Map.of());
    }
}
