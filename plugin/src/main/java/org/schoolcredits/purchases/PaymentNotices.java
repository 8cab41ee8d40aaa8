package org.schoolcredits.purchases;

import org.schoolcredits.host.CreditType;

/** What the school admins are told about a purchase's payment. */
final class PaymentNotices {

    private PaymentNotices() {
    }

    static PaymentSettled of(Purchase purchase, PaymentSettled.Outcome outcome) {
        String name = purchase.credits() + (purchase.creditType() == CreditType.CONNECT ? " Connect" : " learner")
                + (purchase.credits().millis() == 1000 ? " credit" : " credits");
        return new PaymentSettled(outcome, purchase.schoolId(), purchase.id().toString(), name,
                purchase.price().pence(), purchase.method().code(), null);
    }
}
