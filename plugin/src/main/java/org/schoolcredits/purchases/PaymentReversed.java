package org.schoolcredits.purchases;

import org.schoolcredits.kernel.Credits;

/**
 * The purchases capability's event, fired synchronously inside the transaction that applied it,
 * when a refund or dispute changed what a purchase's credits are (the alerts tell the platform's
 * finance staff, in that same transaction).
 *
 * @param why       what Stripe said, e.g. {@code refunded £5.00 of £10.00}
 * @param status    the purchase's status now: {@code refunded}, {@code disputed} or {@code paid}
 * @param takenBack what has been taken back from the school's balance in all
 * @param owed      what the school had already spent of it, owed in all
 * @param cause     the Stripe event that caused it; one e-mail per purchase and cause
 */
public record PaymentReversed(String schoolId, String purchaseId, String packageId, long pence, String why,
                              String status, Credits takenBack, Credits owed, String cause) {
}
