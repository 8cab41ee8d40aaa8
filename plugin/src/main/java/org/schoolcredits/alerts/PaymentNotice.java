package org.schoolcredits.alerts;

/**
 * Fired synchronously, inside the transaction that settled a payment, by the capability that
 * took it; {@link AlertEmails} writes the school admins' e-mail in that same transaction.
 *
 * @param method     {@code card}, {@code bacs} or {@code cheque}
 * @param receiptUrl the receipt's address, or {@code null}
 */
public record PaymentNotice(Outcome outcome, String schoolId, String purchaseId, String packageName, long pence,
                            String method, String receiptUrl) {

    public enum Outcome {
        RECEIVED, CLEARED, FAILED
    }
}
