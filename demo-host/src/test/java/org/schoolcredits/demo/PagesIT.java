package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The demo's pages and the plugin's fragments in real headless Chromium, signed in through the login form. */
@ExtendWith(RunningDemo.class)
class PagesIT {

    static final String STAFF = "staff@oakwood";
    static final String ADMIN = "admin@oakwood";
    static final String FINANCE = "finance@platform";
    static final List<String> PAGES = List.of("/", "/learners", "/sms", "/dvla", "/settings/credits");
    /** Each user and the pages they see, in the order the per-page checks visit them. */
    static final List<Map.Entry<String, List<String>>> PAGES_OF = List.of(Map.entry(FINANCE, List.of("/", "/mail")),
            Map.entry(ADMIN, PAGES), Map.entry(STAFF, PAGES));
    static final String[] CONNECT = {"credits-balance", "[data-credit=connect] .amount"};
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

    static String[] inSettings(String... path) {
        String[] full = Arrays.copyOf(SETTINGS, SETTINGS.length + path.length);
        System.arraycopy(path, 0, full, SETTINGS.length, path.length);
        return full;
    }

    static void send(String formSelector, String... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            WebElement field = browser.find(fieldsAndValues[i]);
            field.clear();
            field.sendKeys(fieldsAndValues[i + 1]);
        }
        browser.find(formSelector + " button[type=submit]").click();
    }

    /** The history rows the settings panel shows once filtered by {@code filter} and {@code value}. */
    static List<WebElement> historyFilteredBy(String filter, String value) {
        openLedgerDetail();
        new Select(browser.find(inSettings("select[name=" + filter + "]"))).selectByValue(value);
        browser.find(inSettings("form[aria-label='Filter the history'] button[type=submit]")).click();
        browser.until("the history shows only " + value, () -> {
            List<WebElement> cells = browser.findAll(inSettings("tbody tr td[data-column=Feature]"));
            return !cells.isEmpty() && cells.stream().allMatch(c -> c.getText().equals(featureName(value)));
        });
        return browser.findAll(inSettings("table.history tbody tr"));
    }

    /** Opens the history's "Ledger detail", where the ledger's own rows are (the statement is above it). */
    static void openLedgerDetail() {
        if (browser.find(inSettings("details.ledger")).getAttribute("open") == null) {
            browser.find(inSettings("details.ledger summary")).click();
        }
    }

    static String featureName(String feature) {
        return switch (feature) {
            case "SMS" -> "SMS";
            case "DVLA_LICENCE_CHECK" -> "DVLA licence check";
            default -> throw new IllegalArgumentException(feature);
        };
    }

    static String cell(WebElement row, String column) {
        return row.findElement(org.openqa.selenium.By.cssSelector("td[data-column='" + column + "']")).getText();
    }

    @Test
    @DisplayName("staff send an SMS and the balance widget falls by 0.6; beside Send it costs 0.6 credits (£0.06)")
    void smsCostsItsPrice() {
        ConnectIT.setOakwoodConnect(50);
        browser.signIn(STAFF);
        browser.open("/");
        assertEquals("50", browser.find(CONNECT).getText());
        browser.open("/sms");
        assertTrue(browser.find("credits-cost", "span").getText().contains("0.6 credits (£0.06)"));
        send("#sms", "#to", "07700900001", "#text", "Trip tomorrow");
        assertEquals("Sent 1, failed 0, 0.6 credits.", browser.textOnce("Sent", "#sms [role=status]"));
        browser.open("/");
        assertEquals("49.4", browser.find(CONNECT).getText());
    }

    @Test
    @DisplayName("a failing DVLA check says no credits were charged and shows as refunded in the settings panel's history")
    void failedDvlaCheckIsRefunded() {
        ConnectIT.setOakwoodConnect(30);
        browser.signIn(STAFF);
        browser.open("/dvla");
        assertTrue(browser.find("credits-cost[feature=DVLA_LICENCE_CHECK]", "span").getText()
                .contains("8 credits (£0.80)"));
        send("#licence", "#licence-number", "FAIL0001");
        assertEquals("The DVLA check failed; no credits were charged.",
                browser.textOnce("DVLA", "#licence [role=status]"));
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        WebElement newest = historyFilteredBy("feature", "DVLA_LICENCE_CHECK").stream()
                .filter(row -> cell(row, "Entry").equals("Usage")).findFirst().orElseThrow();
        assertEquals("Refunded", cell(newest, "Status"));
        assertEquals("Sam Oak", cell(newest, "By"));
        assertEquals("30", browser.find(inSettings("credits-balance", "[data-credit=connect] .amount")).getText());
    }

    @Test
    @DisplayName("after paging to the end of the history, the CSV download holds exactly the rows shown")
    void csvHoldsTheRowsShown() {
        ConnectIT.setOakwoodConnect(50);
        String thirty = IntStream.range(0, 30).mapToObj(i -> "\"0770090%04d\"".formatted(i))
                .collect(Collectors.joining(","));
        assertEquals(201, ConnectIT.STAFF.post("/api/demo/sms", "{\"to\":[" + thirty + "],\"text\":\"Hi\"}").status());
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        historyFilteredBy("feature", "SMS");
        WebElement more = browser.find(inSettings("button[data-action=more]"));
        assertEquals("Show more", more.getText());
        while (more.isDisplayed()) {
            int before = browser.findAll(inSettings("table.history tbody tr")).size();
            more.click();
            browser.until("the next page", () -> browser.findAll(inSettings("table.history tbody tr")).size() > before);
        }
        List<String> shown = browser.findAll(inSettings("table.history tbody tr")).stream()
                .map(row -> row.getAttribute("data-id")).toList();
        assertTrue(shown.size() > 25, "more than one page of 25: " + shown.size());
        String csv = (String) browser.jsAsync("""
                const [button, done] = arguments;
                const original = URL.createObjectURL;
                URL.createObjectURL = (blob) => {
                  URL.createObjectURL = original;
                  blob.text().then(done);
                  return original.call(URL, blob);
                };
                button.click();
                """, browser.find(inSettings("button[data-action=csv]")));
        List<String> lines = csv.lines().toList();
        assertEquals("id,at,creditType,kind,feature,amount,balanceAfter,status,initiatedBy,reference", lines.get(0));
        assertEquals(shown, lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList());
    }

    @Test
    @DisplayName("a reference holding markup shows as its literal text, and no element is made from it")
    void markupShowsAsText() {
        ConnectIT.setOakwoodConnect(10);
        String reason = "Correction <img src=x onerror=alert(1)>";
        assertEquals(201, ConnectIT.FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                + "\"creditType\":\"connect\",\"amount\":-1,\"reason\":\"" + reason + "\"}").status());
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        openLedgerDetail();
        WebElement newest = browser.find(inSettings("table.history tbody tr"));
        assertEquals(reason, cell(newest, "Reference"));
        assertEquals(0L, browser.js("const walk = (root) => [...root.querySelectorAll('*')].flatMap("
                + "(e) => e.shadowRoot ? [e, ...walk(e.shadowRoot)] : [e]);"
                + "return walk(document).filter((e) => e.localName === 'img').length"));
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    @DisplayName("staff see balances but no Credits link and no Buy button, and are told only school admins can buy, by name")
    void staffCannotBuy() {
        browser.signIn(STAFF);
        browser.open("/settings/credits");
        List<String> links = browser.findAll("nav.demo a").stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(links.stream().anyMatch(href -> href.endsWith("/sms")), links::toString);
        assertFalse(links.stream().anyMatch(href -> href.endsWith("/settings/credits")), links::toString);
        assertEquals("Only school admins can buy credits. Ask Olivia Oak to top up.",
                browser.textOnce("Only school admins can buy credits. Ask Olivia Oak to top up.", ".notice"));
        assertTrue(browser.findAll("credits-settings").isEmpty());
        assertFalse(browser.find(CONNECT).getText().isBlank());
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        assertTrue(browser.findAll("nav.demo a").stream().anyMatch(a -> a.getAttribute("href").endsWith("/settings/credits")));
        assertFalse(browser.findAll(inSettings("button[aria-label^=Buy]")).isEmpty());
    }

    /** The settings panel's status region at the top: the result of the last action. */
    static final String[] BUY_MESSAGE = inSettings("#last-action[role=status]");

    /** The status the panel's purchase list shows for a purchase. */
    static String purchaseStatus(String id) {
        return browser.find(inSettings("tr[data-id='" + id + "'] td:last-child")).getText();
    }

    @Test
    @DisplayName("an admin buys Medium through the simulated checkout and sees the balance rise by 100")
    void buyByCard() throws Exception {
        ConnectIT.setOakwoodConnect(5);
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        browser.find(inSettings("input[name=method][value=card]")).click();
        browser.find(inSettings("button[data-package=connect-medium]")).click();
        browser.until("the simulated checkout (the panel said: " + browser.js("return document.querySelector('credits-settings')"
                        + "?.shadowRoot?.querySelector('#last-action')?.textContent") + ")",
                () -> browser.driver().getCurrentUrl().contains("/api/credits/checkout/"));
        String checkout = browser.driver().getCurrentUrl();
        String summary = browser.find(".summary").getText();
        assertTrue(summary.contains("100 Connect credits") && summary.contains("£10.00"), summary);
        assertEquals("Pay 100 Connect credits · School Credits checkout (simulated)", browser.driver().getTitle());
        assertTrue(browser.find("a.back").getText().equals("← Return to Oakwood Primary School"), browser.find("a.back").getText());
        browser.screenshot("simulated-checkout");
        browser.find("button[data-end$='/complete']").click();
        browser.until("back on the credits page", () -> browser.driver().getCurrentUrl().contains("/settings/credits?purchase="));
        browser.settled();
        String id = browser.driver().getCurrentUrl().replaceAll(".*[?&]purchase=([^&]+).*", "$1");
        assertEquals("105", browser.find(inSettings("credits-balance", "[data-credit=connect] .amount")).getText());
        assertEquals("Payment received: 100 Connect credits added.", browser.find(BUY_MESSAGE).getText());
        assertEquals("Paid", purchaseStatus(id));
        browser.screenshot("settings-credits-paid-by-card");
        browser.open("/settings/credits");
        assertEquals("Paid", purchaseStatus(id));
        assertEquals(0, new BigDecimal("105").compareTo(ConnectIT.connect(ConnectIT.STAFF)));

        browser.driver().get(checkout);
        assertEquals("This order is paid. Thank you.", browser.find(".outcome h2").getText());
        assertTrue(browser.findAll("button").isEmpty(), "no button on a paid checkout");
        assertTrue(browser.find(".outcome a").getAttribute("href").contains("/settings/credits?purchase=" + id));
        String path = checkout.substring(RunningDemo.baseUrl().length());
        assertEquals(409, Api.as(ADMIN).post(path + "/fail", null).status());
        assertEquals(409, Api.as(ADMIN).post(path + "/complete", null).status());
        assertEquals("paid", Api.as(ADMIN).get("/api/credits/purchases/" + id).json().getString("status"));
    }

    @Test
    @DisplayName("a BACS purchase from the panel shows its credits as pending and the bank instructions; it is still"
            + " listed after a reload")
    void buyByBankTransfer() throws Exception {
        Api admin = Api.as(ADMIN);
        int pending = admin.get("/api/credits/balance").json().getJsonObject("learner").getJsonNumber("pending").intValue();
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        browser.find(inSettings("input[name=method][value=bacs]")).click();
        browser.find(inSettings("button[data-package=learner-10]")).click();
        assertEquals("Ordered 10 learner credits. The credits show as pending until the payment clears.",
                browser.textOnce("Ordered", BUY_MESSAGE).lines().findFirst().orElseThrow());
        String id = admin.get("/api/credits/purchases").array().getJsonObject(0).getString("id");
        String reference = admin.get("/api/credits/purchases").array().getJsonObject(0).getString("reference");
        try {
            assertTrue(reference.matches("SC-OAK-[0-9A-Z]{8}") && reference.length() <= 18, reference);
            assertEquals("Pay by bank transfer to [ACCOUNT NAME – set CREDITS_BACS_INSTRUCTIONS], sort code [00-00-00],"
                    + " account [00000000], quoting reference " + reference + ".",
                    browser.find(inSettings(".instructions")).getText());
            assertEquals(reference, browser.find(inSettings("tr[data-id='" + id + "'] td[data-column=Reference]")).getText());
            assertEquals(Integer.toString(pending + 10), browser.textOnce(Integer.toString(pending + 10),
                    inSettings("credits-balance", "[data-credit=learner-pending] .amount")));
            assertEquals("Pending until the payment clears", purchaseStatus(id));
            browser.screenshot("settings-credits-bank-transfer");
            browser.open("/settings/credits");
            assertEquals("Pending until the payment clears", purchaseStatus(id));
        } finally {
            assertEquals(200, ConnectIT.FINANCE.send("POST", "/api/credits/platform/purchases/" + id + "/fail", null, null)
                    .status());
        }
    }

    static void putSettings(String connectThreshold) {
        Api.Reply saved = Api.as(ADMIN).put("/api/credits/settings", "{\"lowBalanceThreshold\":{\"learner\":2,"
                + "\"connect\":" + connectThreshold + "},\"emailAlerts\":true}");
        assertEquals(200, saved.status(), saved::toString);
    }

    static String connectThreshold() {
        return Api.as(ADMIN).get("/api/credits/settings").json().getJsonObject("lowBalanceThreshold")
                .getJsonNumber("connect").bigDecimalValue().toPlainString();
    }

    @Test
    @DisplayName("an admin raises the Connect low-balance threshold: it is saved (a reload shows it) and the balance"
            + " shows as low at once; a negative threshold is named as wrong and nothing is saved")
    void lowBalanceSettings() throws Exception {
        putSettings("20");
        ConnectIT.setOakwoodConnect(30);
        String[] connect = inSettings("input[name=connect]");
        String[] status = BUY_MESSAGE;
        String[] save = inSettings("form.alerts button[type=submit]");
        try {
            browser.signIn(ADMIN);
            browser.open("/settings/credits");
            assertEquals("20", browser.find(connect).getDomProperty("value"));
            assertTrue(browser.findAll(inSettings("credits-balance", "[data-credit=connect] .badge")).isEmpty());
            browser.find(connect).clear();
            browser.find(connect).sendKeys("35.5");
            browser.find(save).click();
            assertEquals("The warnings are saved.", browser.textOnce("saved", status));
            assertEquals("Low", browser.find(inSettings("credits-balance", "[data-credit=connect] .badge")).getText());
            assertEquals("35.5", connectThreshold());
            browser.open("/settings/credits");
            assertEquals("35.5", browser.find(connect).getDomProperty("value"));

            browser.find(connect).clear();
            browser.find(connect).sendKeys("-5");
            browser.find(save).click();
            assertEquals("The warnings were not saved: correct the threshold marked above.",
                    browser.textOnce("not saved", status));
            assertEquals("Enter the Connect threshold as a number of credits from 0 to 1,000,000, with at most 3 decimals.",
                    browser.find(inSettings("#connect-error")).getText());
            assertEquals("true", browser.find(connect).getAttribute("aria-invalid"));
            assertEquals(browser.find(connect), browser.js("return document.querySelector('credits-settings')"
                    + ".shadowRoot.activeElement"));
            browser.screenshot("settings-credits-bad-threshold");
            browser.open("/settings/credits");
            assertEquals("35.5", browser.find(connect).getDomProperty("value"));
            assertEquals("35.5", connectThreshold());
        } finally {
            putSettings("20");
        }
    }

    static int oakwoodLearnerCredits() {
        return Api.as(STAFF).get("/api/credits/balance").json().getJsonObject("learner").getJsonNumber("available")
                .intValue();
    }

    @Test
    @DisplayName("registering a learner with no learner credit left opens the Not enough credits dialog and lists"
            + " nobody; with a credit the learner is listed and the page says how many credits remain")
    void learnerNeedsACredit() throws Exception {
        int before = oakwoodLearnerCredits();
        adjustOakwoodLearner(-before);
        String upn = "PG" + System.currentTimeMillis();
        try {
            browser.signIn(STAFF);
            browser.open("/learners");
            assertTrue(browser.find("credits-cost", "span").getText().startsWith("Costs 1 learner credit ("));
            send("#register-learner", "#learner-name", "Ada Pages", "#learner-upn", upn);
            WebElement dialog = browser.find("credits-topup-dialog", "dialog[open]");
            assertTrue(dialog.getText().contains("This needs 1 learner credit and the school has 0 learner credits."),
                    dialog.getText());
            assertEquals("The learner was not registered: there are not enough learner credits."
                    + " Ask a school admin to top up: Olivia Oak.", browser.textOnce("not registered", "#register-learner [role=status]"));
            browser.screenshot("learners-not-enough-credits");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.until("the dialog closes", () -> browser.findAll("credits-topup-dialog", "dialog[open]").isEmpty());
            assertTrue(browser.findAll("tr[data-upn='" + upn + "']").isEmpty());

            adjustOakwoodLearner(1);
            send("#register-learner", "#learner-name", "Ada Pages", "#learner-upn", upn);
            assertTrue(browser.textOnce("Learner registered", "#register-learner [role=status]")
                    .contains("You have 0 learner credits remaining."));
            assertEquals("Ada Pages", browser.find("tr[data-upn='" + upn + "'] td").getText());
        } finally {
            adjustOakwoodLearner(before);
        }
    }

    @Test
    @DisplayName("signing out from the navigation ends the session: the pages ask for a sign-in again")
    void signOut() {
        browser.signIn(STAFF);
        browser.open("/sms");
        browser.find("nav.demo .who button").click();
        browser.until("the login page", () -> browser.driver().getCurrentUrl().endsWith("/login"));
        browser.driver().get(RunningDemo.baseUrl() + "/sms");
        assertTrue(browser.driver().getCurrentUrl().contains("/login?next=/sms"), browser.driver().getCurrentUrl());
    }

    @Test
    @DisplayName("while a balance is low a banner shows on every page: a top-up link for admins, advice for staff")
    void lowBalanceBanner() {
        ConnectIT.setOakwoodConnect(5);
        browser.signIn(ADMIN);
        for (String page : PAGES) {
            browser.open(page);
            assertTrue(browser.textOnce("left", "credits-banner", ".banner").contains("5 Connect credits left"), page);
            assertTrue(browser.find("credits-banner", ".banner a").getAttribute("href").endsWith("/settings/credits"));
        }
        browser.signIn(STAFF);
        browser.open("/sms");
        assertTrue(browser.textOnce("left", "credits-banner", ".banner").contains("Ask a school admin to top up"));
        assertTrue(browser.findAll("credits-banner", ".banner a").isEmpty());
        ConnectIT.setOakwoodConnect(50);
        adjustOakwoodLearner(2);
        try {
            browser.open("/");
            assertTrue(browser.findAll("credits-banner", ".banner").isEmpty());
        } finally {
            adjustOakwoodLearner(-2);
        }
    }

    static void adjustOakwoodLearner(int amount) {
        if (amount == 0) {
            return;
        }
        assertEquals(201, ConnectIT.FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                + "\"creditType\":\"learner\",\"amount\":" + amount + ",\"reason\":\"PagesIT\"}").status());
    }

    @Test
    @DisplayName("an SMS the balance cannot cover opens the Not enough credits dialog: for staff naming the school's"
            + " admins, for an admin with the top-up link; Esc closes it and the focus returns to Send")
    void insufficientCreditsDialog() throws Exception {
        ConnectIT.setOakwoodConnect(1);
        browser.signIn(STAFF);
        browser.open("/sms");
        send("#sms", "#to", "07700900001, 07700900002", "#text", "Trip tomorrow");
        WebElement asked = browser.find("credits-topup-dialog", "dialog[open]");
        assertTrue(asked.getText().contains("Ask a school admin to top up: Olivia Oak."), asked.getText());
        assertTrue(browser.findAll("credits-topup-dialog", "dialog a").isEmpty());
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.until("the dialog closes", () -> browser.findAll("credits-topup-dialog", "dialog[open]").isEmpty());

        browser.signIn(ADMIN);
        browser.open("/sms");
        send("#sms", "#to", "07700900001, 07700900002", "#text", "Trip tomorrow");
        WebElement dialog = browser.find("credits-topup-dialog", "dialog[open]");
        assertTrue(dialog.getText().contains("This needs 1.2 Connect credits and the school has 1 Connect credit."),
                dialog.getText());
        WebElement topUp = browser.find("credits-topup-dialog", "dialog a");
        assertTrue(topUp.getAttribute("href").endsWith("/settings/credits"));
        assertEquals(topUp, browser.js("return document.activeElement.shadowRoot.activeElement"));
        browser.screenshot("sms-not-enough-credits");
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.until("the dialog closes", () -> browser.findAll("credits-topup-dialog", "dialog[open]").isEmpty());
        assertEquals("Send", browser.js("return document.activeElement.textContent"));
        assertEquals(0, BigDecimal.ONE.compareTo(ConnectIT.connect(ConnectIT.STAFF)));
    }

    @Test
    @DisplayName("the spending chart counts an SMS sent today and leaves a refunded one out")
    void chartCountsSpending() {
        ConnectIT.setOakwoodConnect(50);
        browser.signIn(ADMIN);
        browser.open("/settings/credits");
        BigDecimal before = smsSpent();
        assertEquals(201, ConnectIT.STAFF.post("/api/demo/sms",
                "{\"to\":[\"07700900001\",\"07700900999\"],\"text\":\"Hi\"}").status());
        browser.open("/settings/credits");
        assertEquals(0, before.add(new BigDecimal("0.6")).compareTo(smsSpent()));
        assertFalse(browser.findAll(inSettings("svg rect")).isEmpty());
    }

    static BigDecimal smsSpent() {
        List<WebElement> row = browser.findAll(inSettings("tr[data-feature=SMS] td"));
        return row.isEmpty() ? BigDecimal.ZERO : new BigDecimal(row.get(0).getText().split(" ")[0].replace(",", ""));
    }

    /** A card purchase of oakwood's admin still awaiting payment: its simulated checkout's path. */
    static String openCheckout() {
        Api.Reply created = Api.as(ADMIN).post("/api/credits/purchases", "{\"packageId\":\"connect-small\",\"method\":\"card\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("checkoutUrl").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    @DisplayName("on every page, for every kind of user, at 1280 and at 360 px: a title and icon, no console error, no"
            + " serious or critical axe-core violation, the styles apply under the CSP, and at 360 px no sideways"
            + " scroll; a screenshot of each is kept")
    void accessible() throws Exception {
        ConnectIT.setOakwoodConnect(50);
        ConnectIT.setOakwoodConnect(5);
        String checkout = openCheckout();
        browser.console();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 360}) {
            browser.width(width == 360 ? 360 : 0);
            try {
                browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
                browser.open("/login");
                check(problems, "anyone", "/login", width);
                for (Map.Entry<String, List<String>> pages : PAGES_OF) {
                    String user = pages.getKey();
                    browser.signIn(user);
                    List<String> all = new ArrayList<>(pages.getValue());
                    if (user.equals(ADMIN)) {
                        all.add(checkout);
                    }
                    for (String page : all) {
                        browser.open(page);
                        if (page.equals(checkout)) {
                            browser.find("button.pay-button");
                        } else if (!user.equals(FINANCE)) {
                            browser.find("credits-banner", ".banner");
                        } else if (page.equals("/mail")) {
                            assertTrue(browser.find("article.mail h2").getText().contains("Connect"), "a low-balance e-mail");
                        } else {
                            browser.find("credits-finance", "#reconciliation p.state");
                        }
                        check(problems, user, page, width);
                    }
                }
            } finally {
                browser.width(0);
            }
        }
        assertEquals(List.of(), problems);
        browser.signIn(ADMIN);
        browser.open("/");
        assertEquals("700", browser.js("return getComputedStyle(document.querySelector('credits-balance').shadowRoot"
                + ".querySelector('.amount')).fontWeight"));
        assertEquals(List.of(), browser.console().stream().filter(m -> m.contains("Content Security Policy")).toList());
    }

    /**
     * What makes the page scroll sideways: the path of elements, shadow roots included, each the one whose
     * hiding ends the sideways scroll, down to the innermost.
     */
    static final String WIDER = """
            const wide = () => document.documentElement.scrollWidth > 360;
            const kids = (e) => [...(e.shadowRoot ? e.shadowRoot.children : e.children)];
            const name = (e) => e.localName + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/ +/g, '.') : '');
            let node = document.body;
            const path = [];
            for (let found = true; found;) {
              found = false;
              for (const kid of kids(node)) {
                const before = kid.style.display;
                kid.style.display = 'none';
                const fixed = !wide();
                kid.style.display = before;
                if (fixed) {
                  path.push(name(kid));
                  node = kid;
                  found = true;
                  break;
                }
              }
            }
            const walk = (root) => [...root.querySelectorAll('*')]
                .flatMap((e) => e.shadowRoot ? [e, ...walk(e.shadowRoot)] : [e]);
            const past = walk(document).filter((e) => e.getBoundingClientRect().right > 360.5 && !e.closest('thead'));
            const innermost = past.filter((e) => !past.some((o) => o !== e && e.contains(o)))
                .map((e) => name(e) + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8);
            return path.join(' > ') + ' :: ' + (node.shadowRoot ? '' : node.outerHTML.slice(0, 300)) + ' :: past: '
                + innermost.join(', ') + ' :: client ' + document.documentElement.clientWidth + ' inner ' + innerWidth;
            """;

    static void check(List<String> problems, String user, String page, int width) throws Exception {
        String where = user + " " + page + " at " + width + " px: ";
        String title = browser.driver().getTitle();
        if (!title.endsWith("School Credits demo") && !title.contains("School Credits checkout")) {
            problems.add(where + "title " + title);
        }
        if (browser.findAll("link[rel=icon]").isEmpty()) {
            problems.add(where + "no icon");
        }
        if (width == 360 && (Long) browser.js("return document.documentElement.scrollWidth") > 360) {
            problems.add(where + "scrolls sideways: " + browser.js("return document.documentElement.scrollWidth")
                    + " px, past the edge: " + browser.js(WIDER));
        }
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(where + v));
        browser.consoleErrors().forEach(m -> problems.add(where + "console: " + m));
        String name = page.startsWith("/api/credits/checkout/") ? "checkout" : page.equals("/") ? "dashboard"
                : page.substring(1).replace('/', '-');
        browser.screenshot(width + "-" + user.replace('@', '-') + "-" + name);
    }

    @Test
    @DisplayName("the demo serves its favicon at /favicon.ico, to anyone")
    void favicon() {
        Api.Reply icon = Api.anonymous().get("/favicon.ico");
        assertEquals(200, icon.status());
        assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/"), icon::toString);
    }
}
