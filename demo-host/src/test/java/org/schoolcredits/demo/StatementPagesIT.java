package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The statement, the server's usage chart, the forecast on the widget and the staff's 402 dialog, in Chromium. */
@ExtendWith(RunningDemo.class)
class StatementPagesIT {

    static final String STAFF = PagesIT.STAFF;
    static final String ADMIN = PagesIT.ADMIN;
    static final String[] SETTINGS = {"credits-settings"};

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

    static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-column='" + column + "']")).getText();
    }

    /**
     * No serious or critical axe-core violation and no console error, but the two the browser logs by itself:
     * the 402 the page asked for, and a favicon the demo does not serve yet (issue 18 item 9, another branch).
     */
    void accessible(String where) throws Exception {
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), where);
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(m -> !m.contains("favicon.ico") && !m.contains("status of 402")).toList(), where);
    }

    @Test
    @DisplayName("the history reads as a statement: an SMS to 3 recipients with one failure is one row in words,"
            + " and the ledger's rows are still under Ledger detail")
    void statement() throws Exception {
        ConnectIT.setOakwoodConnect(50);
        assertEquals(201, ConnectIT.STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900999\","
                + "\"07700900002\"],\"text\":\"Trip\"}").status());
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        browser.textOnce("SMS to 3", inSettings("table.statement tbody tr td[data-column=What]"));
        WebElement newest = browser.find(inSettings("table.statement tbody tr"));
        assertEquals("SMS to 3 recipients · 1 failed, 0.6 refunded", cell(newest, "What"));
        assertTrue(cell(newest, "Amount").endsWith("1.2"), cell(newest, "Amount"));
        assertEquals("Sam Oak", cell(newest, "By"));
        assertTrue(cell(newest, "Reference").matches("U-[0-9A-F]{8}"), cell(newest, "Reference"));
        assertFalse(browser.find(inSettings("details.ledger")).getAttribute("open") != null, "ledger detail is closed");
        browser.find(inSettings("details.ledger summary")).click();
        browser.until("the ledger rows", () -> browser.findAll(inSettings("table.history tbody tr")).size() >= 4);
        browser.screenshot("statement");
        accessible("settings with the statement");
    }

    @Test
    @DisplayName("the usage chart comes from GET /usage, not from paging the history, and its totals show the SMS")
    void chartFromTheServer() throws Exception {
        ConnectIT.setOakwoodConnect(50);
        assertEquals(201, ConnectIT.STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\"],\"text\":\"Hi\"}").status());
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        browser.find(inSettings("tr[data-feature=SMS] td"));
        @SuppressWarnings("unchecked")
        List<String> called = (List<String>) browser.js("return performance.getEntriesByType('resource')"
                + ".map((e) => e.name).filter((n) => n.includes('/api/credits/'))");
        assertTrue(called.stream().anyMatch(url -> url.contains("/api/credits/usage?days=30")), called::toString);
        assertFalse(called.stream().anyMatch(url -> url.contains("/history?status=success")), called::toString);
        browser.screenshot("usage-chart");
        assertEquals(List.of(0L, 1L), browser.jsAsync("import('/credits/credits-chart.js')"
                + ".then((chart) => arguments[0](chart.scale(1, true).ticks))"), "one learner credit: ticks 0 and 1");
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L), browser.jsAsync("import('/credits/credits-chart.js')"
                + ".then((chart) => arguments[0](chart.scale(7, true).ticks))"), "whole numbers, never 1.75");
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L), browser.jsAsync("import('/credits/credits-chart.js')"
                + ".then((chart) => arguments[0](chart.scale(17, true).ticks))"));
    }

    @Test
    @DisplayName("after spending on three days the dashboard widget says how long the Connect credits last and what"
            + " to top up with")
    void forecastOnTheWidget() throws Exception {
        ConnectIT.setOakwoodConnect(50);
        for (int day = 0; day < 3 && !hasForecast(); day++) {
            assertEquals(201, ConnectIT.STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900002\"],"
                    + "\"text\":\"Hi\"}").status());
            if (!hasForecast()) {
                assertEquals(200, ConnectIT.FINANCE.post("/api/demo/clock/advance", "{\"days\":1}").status());
            }
        }
        ConnectIT.setOakwoodConnect(2);
        JsonObject forecast = ConnectIT.STAFF.get("/api/credits/balance").json().getJsonObject("connect")
                .getJsonObject("forecast");
        browser.signIn(ADMIN);
        browser.open("/");
        String said = browser.textOnce("At this rate", "credits-balance", "[data-forecast=connect]");
        assertTrue(said.startsWith("At this rate your Connect credits last about " + forecast.getInt("daysLeft")
                + (forecast.getInt("daysLeft") == 1 ? " day." : " days.")), said);
        assertTrue(said.contains("Suggested top-up: 50 Connect credits"), said);
        browser.screenshot("dashboard-forecast");
        accessible("dashboard with a forecast");
        ConnectIT.setOakwoodConnect(50);
    }

    static boolean hasForecast() {
        return ConnectIT.STAFF.get("/api/credits/balance").json().getJsonObject("connect").get("forecast")
                instanceof JsonObject;
    }

    @Test
    @DisplayName("staff short of credits get a dialog that names the admin to ask and the credits pending payment,"
            + " and no top-up link")
    void staffDialog() throws Exception {
        Api.Reply bought = Api.as(ADMIN).post("/api/credits/purchases",
                "{\"packageId\":\"connect-small\",\"method\":\"cheque\"}");
        assertEquals(201, bought.status(), bought::toString);
        try {
            ConnectIT.setOakwoodConnect(1);
            browser.signIn(STAFF);
            browser.open("/dvla");
            WebElement field = browser.find("#licence-number");
            field.clear();
            field.sendKeys("OAK12345");
            browser.find("#licence button[type=submit]").click();
            WebElement dialog = browser.find("credits-topup-dialog", "dialog[open]");
            String text = dialog.getText();
            assertTrue(text.matches("(?s).*\\d+ Connect credits are pending payment: they can be used once the payment"
                    + " clears\\..*"), text);
            assertTrue(text.contains("Ask a school admin to top up: Olivia Oak."), text);
            assertTrue(browser.findAll("credits-topup-dialog", "dialog a").isEmpty());
            assertTrue(browser.textOnce("Olivia Oak", "#licence [role=status]").contains("Ask a school admin"));
            browser.screenshot("staff-not-enough-credits");
            accessible("the staff's dialog");
        } finally {
            ConnectIT.FINANCE.post("/api/credits/platform/purchases/" + bought.json().getString("id") + "/fail", "{}");
            ConnectIT.setOakwoodConnect(50);
        }
    }
}
