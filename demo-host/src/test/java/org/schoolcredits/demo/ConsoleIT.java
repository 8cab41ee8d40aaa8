package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
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

    /** A card purchase of Connect credits whose signed completed event paid 1 penny: it is flagged and credits nothing. */
    static JsonObject flaggedPurchase() throws Exception {
        JsonObject purchase = buy("connect-small", "card");
        Api.Reply delivered = RefundsIT.deliver(RefundsIT.event("checkout.session.completed", Json.createObjectBuilder()
                .add("id", purchase.getString("checkoutSessionId")).add("object", "checkout.session")
                .add("amount_total", 1).add("currency", "gbp").add("client_reference_id", purchase.getString("id"))
                .add("mode", "payment").add("payment_intent", "pi_it_" + java.util.UUID.randomUUID())
                .add("payment_status", "paid").add("status", "complete").build()));
        assertEquals(200, delivered.status() / 100 * 100, delivered::toString);
        assertEquals("awaiting_payment", status(purchase.getString("id")));
        return purchase;
    }

    static BigDecimal connectAvailable() {
        return Api.as(ADMIN).get("/api/credits/balance").json().getJsonObject("connect").getJsonNumber("available")
                .bigDecimalValue();
    }

    static List<String> listed(String query) {
        return ConnectIT.FINANCE.get("/api/credits/platform/purchases?limit=200&" + query).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    /** At 1280 and 360 px: no serious or critical axe-core violation, no sideways scroll at 360, a screenshot of each. */
    static void checkBothWidths(String name) throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        for (int width : new int[] {1280, 360}) {
            browser.width(width == 360 ? 360 : 0);
            try {
                browser.seriousAccessibilityViolations().forEach(v -> problems.add(width + " px: " + v));
                if (width == 360 && (Long) browser.js("return document.documentElement.scrollWidth") > 360) {
                    problems.add("360 px: scrolls sideways, " + browser.js(PagesIT.WIDER));
                }
                browser.screenshot(width + "-" + name);
            } finally {
                browser.width(0);
            }
        }
        assertEquals(List.of(), problems);
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

    @Test
    @DisplayName("finance credits one flagged purchase after review and dismisses another, each with a reason: the result"
            + " shows at the top, both leave the flagged list and show their resolution, and only the credited one adds"
            + " its credits; at 1280 and 360 px with no serious axe-core violation")
    void financeResolvesFlaggedPurchases() throws Exception {
        JsonObject credited = flaggedPurchase();
        JsonObject dismissed = flaggedPurchase();
        String creditedId = credited.getString("id");
        String dismissedId = dismissed.getString("id");
        BigDecimal before = connectAvailable();
        browser.signIn(FINANCE);
        browser.open("/");
        String creditedRow = "#flagged table[aria-label='Flagged purchases'] tr[data-id='" + creditedId + "']";
        String dismissedRow = "#flagged table[aria-label='Flagged purchases'] tr[data-id='" + dismissedId + "']";
        assertTrue(browser.find(inConsole(creditedRow + " td[data-column=Reasons]")).getText().contains("paid 1 gbp"));
        checkBothWidths("finance-console-flagged");

        browser.find(inConsole(creditedRow + " button[data-action=credit]")).click();
        assertTrue(browser.textOnce("give a reason", CONSOLE_STATUS).endsWith("give a reason first."));
        assertEquals("awaiting_payment", status(creditedId));
        browser.find(inConsole(creditedRow + " input[name=reason]")).sendKeys("Bank statement shows the full £5.00");
        browser.find(inConsole(creditedRow + " button[data-action=credit]")).click();
        assertTrue(browser.textOnce("Credited", CONSOLE_STATUS).startsWith("Credited " + credited.getString("reference")
                + " after review: 50 Connect credits now available to oakwood."), browser.find(CONSOLE_STATUS).getText());
        assertEquals("paid", status(creditedId));
        assertEquals(0, before.add(BigDecimal.valueOf(50)).compareTo(connectAvailable()));

        browser.find(inConsole(dismissedRow + " input[name=reason]")).sendKeys("Test payment by the school's IT");
        browser.find(inConsole(dismissedRow + " button[data-action=dismiss]")).click();
        assertTrue(browser.textOnce("Dismissed", CONSOLE_STATUS).startsWith("Dismissed the flag on "
                + dismissed.getString("reference") + ": nothing was credited."));
        assertEquals("awaiting_payment", status(dismissedId));
        assertEquals(0, before.add(BigDecimal.valueOf(50)).compareTo(connectAvailable()));

        browser.until("both left the flagged list", () -> browser.findAll(inConsole(creditedRow + ", " + dismissedRow))
                .isEmpty());
        String resolved = "#flagged table[aria-label='Resolved purchases'] tr[data-id='%s'] td[data-column=Resolution]";
        String creditedResolution = browser.find(inConsole(resolved.formatted(creditedId))).getText();
        assertTrue(creditedResolution.matches("Credited after review by Fiona Finance, \\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}:"
                + " Bank statement shows the full £5.00"), creditedResolution);
        assertTrue(browser.find(inConsole(resolved.formatted(dismissedId))).getText().startsWith("Dismissed by Fiona Finance"));
        assertTrue(browser.find(inConsole("#reconciliation p.state")).getText().startsWith("OK: the ledger balances"));
        checkBothWidths("finance-console-resolved");
    }

    @Test
    @DisplayName("resolving a flagged purchase over HTTP: credit adds its credits once and it leaves ?flagged=true for"
            + " ?resolved=true; a second resolve is a 409, a bad body a 400 naming the field, an unknown purchase a"
            + " 404, a school user a 403, hostile bodies a 4xx that changes nothing; an Idempotency-Key replays the answer")
    void resolveOverHttp() throws Exception {
        JsonObject purchase = flaggedPurchase();
        String id = purchase.getString("id");
        String path = "/api/credits/platform/purchases/" + id + "/resolve";
        assertTrue(listed("flagged=true").contains(id));
        BigDecimal before = connectAvailable();

        Api.Reply noReason = ConnectIT.FINANCE.post(path, "{\"action\":\"credit\",\"reason\":\"  \"}");
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().getString("field"));
        Api.Reply badAction = ConnectIT.FINANCE.post(path, "{\"action\":\"refund\",\"reason\":\"x\"}");
        assertEquals("action", badAction.json().getString("field"), badAction::toString);
        assertEquals(403, Api.as(ADMIN).post(path, "{\"action\":\"credit\",\"reason\":\"mine\"}").status());
        assertEquals(404, ConnectIT.FINANCE.post("/api/credits/platform/purchases/" + java.util.UUID.randomUUID()
                + "/resolve", "{\"action\":\"credit\",\"reason\":\"x\"}").status());
        assertEquals(404, ConnectIT.FINANCE.post("/api/credits/platform/purchases/nope/resolve",
                "{\"action\":\"credit\",\"reason\":\"x\"}").status());
        for (Object[] hostile : new Object[][] {{"{\"action\":", "application/json"}, {"", "application/json"},
                {"[1]", "application/json"}, {"action=credit&reason=x", "application/x-www-form-urlencoded"},
                {"{\"action\":\"credit\",\"reason\":\"x\",\"credits\":1000}", "application/json"}}) {
            Api.Reply refused = ConnectIT.FINANCE.raw("POST", path, ((String) hostile[0]).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), (String) hostile[1], null, "*/*");
            assertEquals(400, refused.status() / 100 * 100, hostile[0] + " -> " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        assertEquals(0, before.compareTo(connectAvailable()));
        assertTrue(listed("flagged=true").contains(id));

        String body = "{\"action\":\"credit\",\"reason\":\"Paid in full, checked\"}";
        String key = "resolve-" + id;
        Api.Reply done = ConnectIT.FINANCE.send("POST", path, body, key);
        assertEquals(200, done.status(), done::toString);
        JsonObject row = done.json();
        assertEquals("paid", row.getString("status"));
        assertFalse(row.getBoolean("flagged"));
        assertEquals("credited", row.getString("resolution"));
        assertEquals("Paid in full, checked", row.getString("resolutionReason"));
        assertEquals("Fiona Finance", row.getString("resolvedBy"));
        assertFalse(row.getString("resolvedAt").isBlank());
        Api.Reply replay = ConnectIT.FINANCE.send("POST", path, body, key);
        assertEquals(200, replay.status());
        assertEquals(row, replay.json());
        assertEquals(409, ConnectIT.FINANCE.send("POST", path, body.replace("credit", "dismiss"), key).status());
        assertEquals(0, before.add(BigDecimal.valueOf(50)).compareTo(connectAvailable()));

        Api.Reply again = ConnectIT.FINANCE.post(path, "{\"action\":\"dismiss\",\"reason\":\"again\"}");
        assertEquals(409, again.status(), again::toString);
        assertEquals("purchase_not_flagged", again.json().getString("code"));
        assertTrue(again.contentType().startsWith("application/problem+json"), again::toString);
        assertFalse(listed("flagged=true").contains(id));
        assertTrue(listed("resolved=true").contains(id));
        assertEquals(0, before.add(BigDecimal.valueOf(50)).compareTo(connectAvailable()));
        assertTrue(ConnectIT.FINANCE.get("/api/credits/platform/reconciliation").json().getBoolean("ok"));
    }

    @Test
    @DisplayName("staff are never sent to buy: while a balance is low the banner tells them to ask a school admin and"
            + " names them, as the balance does for them (and not for an admin, who gets the top-up link)")
    void staffBannerNamesTheAdmins() throws Exception {
        ConnectIT.setOakwoodConnect(5);
        try {
            assertEquals(List.of("Olivia Oak"), Api.as("staff@oakwood").get("/api/credits/balance").json()
                    .getJsonArray("admins").getValuesAs(jakarta.json.JsonString::getString));
            assertFalse(Api.as(ADMIN).get("/api/credits/balance").json().containsKey("admins"));
            browser.signIn("staff@oakwood");
            browser.open("/sms");
            String banner = browser.textOnce("left", "credits-banner", ".banner");
            assertTrue(banner.contains("5 Connect credits left.")
                    && banner.contains("Ask a school admin to top up before they run out: Olivia Oak."), banner);
            assertTrue(browser.findAll("credits-banner", ".banner a").isEmpty());
            checkBothWidths("staff-low-balance-banner");
        } finally {
            ConnectIT.setOakwoodConnect(50);
        }
    }
}
