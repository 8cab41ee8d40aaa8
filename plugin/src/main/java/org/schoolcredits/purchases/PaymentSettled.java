package org.schoolcredits.purchases;

/**
 * The purchases capability's event: a payment arrived, cleared or failed. Fired synchronously,
 * inside the transaction that settled it, so that an observer (the alerts' e-mail to the school
 * admins) writes its rows in that same transaction: committed with the payment, or not at all.
 *
 * @param method     {@code card}, {@code bacs} or {@code cheque}
 * @param receiptUrl the receipt's address, or {@code null}
 */
public record PaymentSettled(Outcome outcome, String schoolId, String purchaseId, String packageName, long pence,
                             String method, String receiptUrl) {

    public enum Outcome {
        RECEIVED, CLEARED, FAILED
    }
}
