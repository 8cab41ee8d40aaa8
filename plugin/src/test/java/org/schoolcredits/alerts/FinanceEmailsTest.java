package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.purchases.PaymentReversed;

class FinanceEmailsTest {

    final AlertsFixture f = new AlertsFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    static PaymentReversed refund(String cause) {
        return new PaymentReversed("oakwood", "7d2c0a4e-0000-4000-8000-000000000001", "connect-medium", 1000,
                "refunded £10.00 of £10.00 in Stripe", "refunded", Credits.of(40), Credits.of(60), cause);
    }

    @Test
    @DisplayName("each finance address gets one e-mail per refund or dispute event, naming what was taken back"
            + " and what is owed")
    void financeIsTold() {
        FinanceEmails emails = new FinanceEmails(f.outbox, Optional.of("finance@platform.example, audit@platform.example"));
        assertEquals(2, f.db.tx(() -> emails.paymentReversed(refund("evt_1"))));
        assertEquals(0, f.db.tx(() -> emails.paymentReversed(refund("evt_1"))), "the same event again");
        assertEquals(2, f.outbox(FinanceEmails.PAYMENT_REVERSED).size());
        Email email = f.outbox(FinanceEmails.PAYMENT_REVERSED).get(0).email();
        assertTrue(email.text().contains("40 credits have been taken back"), email.text());
        assertTrue(email.text().contains("60 credits it had already spent are owed"), email.text());
        assertTrue(email.subject().contains("refunded £10.00 of £10.00"), email.subject());
    }

    @Test
    @DisplayName("without CREDITS_FINANCE_EMAIL nothing is written")
    void noAddress() {
        FinanceEmails emails = new FinanceEmails(f.outbox, Optional.empty());
        assertEquals(0, f.db.tx(() -> emails.paymentReversed(refund("evt_1"))));
        assertEquals(0, f.outbox(FinanceEmails.PAYMENT_REVERSED).size());
    }
}
