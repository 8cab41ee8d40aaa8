package org.schoolcredits.purchases;

import org.schoolcredits.alerts.PaymentNotice;
import org.schoolcredits.host.CreditType;

/** What the school admins are told about a purchase's payment. */
final class PaymentNotices {

    private PaymentNotices() {
    }

    static PaymentNotice of(Purchase purchase, PaymentNotice.Outcome outcome) {
        String name = purchase.credits() + (purchase.creditType() == CreditType.CONNECT ? " Connect" : " learner")
                + (purchase.credits().millis() == 1000 ? " credit" : " credits");
        return new PaymentNotice(outcome, purchase.schoolId(), purchase.id().toString(), name,
                purchase.price().pence(), purchase.method().code(), null);
    }
}
