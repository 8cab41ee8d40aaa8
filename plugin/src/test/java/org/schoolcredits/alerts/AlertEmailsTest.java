package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;

class AlertEmailsTest {

    static final String SCHOOL = AlertsFixture.SCHOOL;

    AlertsFixture f;

    @BeforeEach
    void setUp() {
        f = new AlertsFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    @DisplayName("a payment reported five times (a webhook delivered again) writes one receipt e-mail per admin")
    void paymentReceivedOnce() {
        f.buy(SCHOOL, CreditType.CONNECT, "140.6");
        f.buy(SCHOOL, CreditType.LEARNER, "1");
        int written = 0;
        for (int i = 0; i < 5; i++) {
            written += f.db.tx(() -> f.emails.paymentReceived(SCHOOL, "pur_123", "Connect Medium (100 credits)", 1000,
                    "https://pay.stripe.com/receipts/r_1"));
        }
        assertEquals(2, written);
        List<OutboxEmail> receipts = f.outbox(AlertEmails.PAYMENT_RECEIVED);
        assertEquals(2, receipts.size());
        Email email = receipts.get(0).email();
        assertEquals("Payment received: Connect Medium (100 credits), £10.00", email.subject());
        assertTrue(email.text().contains("Oakwood Primary School paid £10.00 for Connect Medium (100 credits)"),
                email.text());
        assertTrue(email.text().contains("Your balances now: 1 learner credit; 140.6 Connect credits."), email.text());
        assertTrue(email.text().contains("https://pay.stripe.com/receipts/r_1"));
        assertTrue(email.html().contains("<a href=\"https://pay.stripe.com/receipts/r_1\">View the receipt</a>"));
        assertTrue(email.text().contains(AlertsFixture.PUBLIC_URL + "/settings/credits"));
        assertEquals(2, f.db.tx(() -> f.emails.paymentReceived(SCHOOL, "pur_124", "Connect Medium (100 credits)", 1000,
                null)), "another purchase is another e-mail");
    }

    @Test
    @DisplayName("a package name with markup is escaped in the HTML part, and a receipt link that is not http(s)"
            + " is shown as text")
    void escapesPaymentValues() {
        f.db.run(() -> f.emails.paymentReceived(SCHOOL, "pur_1", "<img src=x onerror=alert(1)>", 500,
                "javascript:alert(1)"));
        Email email = f.outbox(AlertEmails.PAYMENT_RECEIVED).get(0).email();
        assertFalse(email.html().contains("<img"), email.html());
        assertFalse(email.html().contains("href=\"javascript"), email.html());
        assertTrue(email.html().contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(email.html().contains("javascript:alert(1)</p>"), "shown, not linked");
    }

    @Test
    @DisplayName("cleared and failed payments name the method, the amount and the balances, once per purchase each")
    void clearedAndFailed() {
        f.db.run(() -> f.ledger.grant(new org.schoolcredits.ledger.Grant(SCHOOL, CreditType.LEARNER,
                org.schoolcredits.ledger.LotSource.PURCHASE, "pur_9", Credits.of(10), null, true,
                org.schoolcredits.kernel.Actor.SYSTEM)));
        f.db.run(() -> f.emails.paymentCleared(SCHOOL, "pur_8", "Learner pack of 10", 1250, "bacs"));
        f.db.run(() -> f.emails.paymentCleared(SCHOOL, "pur_8", "Learner pack of 10", 1250, "bacs"));
        f.db.run(() -> f.emails.paymentFailed(SCHOOL, "pur_9", "Learner pack of 10", 1250, "cheque"));
        Email cleared = f.outbox(AlertEmails.PAYMENT_CLEARED).get(0).email();
        assertEquals(2, f.outbox(AlertEmails.PAYMENT_CLEARED).size());
        assertEquals("BACS transfer cleared: Learner pack of 10, £12.50", cleared.subject());
        assertTrue(cleared.text().contains("(and 10 pending)"), cleared.text());
        Email failed = f.outbox(AlertEmails.PAYMENT_FAILED).get(0).email();
        assertEquals("Payment failed: Learner pack of 10, £12.50", failed.subject());
        assertTrue(failed.text().contains("The cheque of £12.50 from Oakwood Primary School for Learner pack of 10"
                + " failed"), failed.text());
    }

    @Test
    @DisplayName("the allowance notice goes once a month, and only while alert e-mails are on")
    void allowanceNotice() {
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals(2, f.db.tx(() -> f.emails.allowanceAdded(SCHOOL, "2026-11", Credits.of(100), end)));
        assertEquals(0, f.db.tx(() -> f.emails.allowanceAdded(SCHOOL, "2026-11", Credits.of(100), end)));
        Email email = f.outbox(AlertEmails.ALLOWANCE_ADDED).get(0).email();
        assertEquals("Your 100 monthly Connect credits have arrived", email.subject());
        assertTrue(email.text().contains("expires on 1 December 2026"), email.text());
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(2), Credits.of(20), false), "admin"));
        assertEquals(0, f.db.tx(() -> f.emails.allowanceAdded(SCHOOL, "2026-12", Credits.of(100), end)));
    }

    @Test
    @DisplayName("a school the directory does not know, or without admins, gets no e-mail")
    void noRecipients() {
        assertEquals(0, f.db.tx(() -> f.emails.paymentReceived("nowhere", "pur_1", "x", 100, null)));
        f.school(SCHOOL, "Oakwood Primary School", List.of());
        assertEquals(0, f.db.tx(() -> f.emails.paymentReceived(SCHOOL, "pur_1", "x", 100, null)));
    }

    @Test
    @DisplayName("credits read like 19.4 and 1,000, money like £10.00, dates like 1 December 2026")
    void formats() {
        assertEquals("19.4", Letter.credits(new Credits(19_400)));
        assertEquals("0.6", Letter.credits(new Credits(600)));
        assertEquals("8", Letter.credits(Credits.of(8)));
        assertEquals("1,000.125", Letter.credits(new Credits(1_000_125)));
        assertEquals("£10.00", Letter.money(1000));
        assertEquals("£0.05", Letter.money(5));
        assertEquals("£1,250.50", Letter.money(125_050));
        assertEquals("1 December 2026", Letter.date(Instant.parse("2026-12-01T00:00:00Z")));
        assertEquals("1 April 2027", Letter.date(Instant.parse("2027-03-31T23:00:00Z")), "midnight BST");
    }

    @Test
    @DisplayName("a subject keeps to one line whatever a name holds")
    void subjectOnOneLine() {
        f.school(SCHOOL, "Oakwood\r\nBcc: everyone@example.org", AlertsFixture.ADMINS);
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        String subject = f.outbox(AlertEmails.LOW_BALANCE).get(0).email().subject();
        assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
    }
}
