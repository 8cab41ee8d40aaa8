package org.schoolcredits.purchases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.schoolcredits.kernel.Money;

/** A purchase as the school sees it; {@code reference} is what it quotes on a bank transfer or cheque. */
public record PurchaseView(String id, String packageId, String creditType, BigDecimal credits, long pence,
                           String currency, String method, String status, String checkoutUrl,
                           String checkoutSessionId, String instructions, String receiptUrl,
                           OffsetDateTime createdAt, String reference) {

    static PurchaseView of(Purchase p, String instructions) {
        return new PurchaseView(p.id().toString(), p.packageId(), p.creditType().code(), p.credits().toDecimal(),
                p.price().pence(), Money.CURRENCY, p.method().code(), p.status().code(), p.checkoutUrl(),
                p.checkoutSessionId(), instructions, p.receiptUrl(), p.createdAt().atOffset(ZoneOffset.UTC),
                p.paymentReference());
    }
}
