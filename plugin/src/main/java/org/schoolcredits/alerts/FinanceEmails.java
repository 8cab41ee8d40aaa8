package org.schoolcredits.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.purchases.PaymentReversed;

/**
 * The e-mails the platform's finance staff get ({@code CREDITS_FINANCE_EMAIL}, one address or
 * several separated by commas): a refund or dispute that took credits back from a school, or gave
 * them back. Written to the outbox in the transaction of their cause, like every e-mail; without
 * the setting nothing is written, and the log says so once.
 */
@ApplicationScoped
public class FinanceEmails {

    static final String PAYMENT_REVERSED = "payment_reversed";
    private static final Logger LOG = Logger.getLogger(FinanceEmails.class.getName());

    private Outbox outbox;
    private String[] recipients;
    private final AtomicBoolean told = new AtomicBoolean();

    protected FinanceEmails() {
    }

    @Inject
    @ConfigProperties
    AlertsConfig config;

    @Inject
    public FinanceEmails(Outbox outbox) {
        this.outbox = outbox;
    }

    @PostConstruct
    void configure() {
        this.recipients = config.financeEmail.map(all -> all.split(",")).orElse(new String[0]);
    }

    public FinanceEmails(Outbox outbox, Optional<String> recipients) {
        this.outbox = outbox;
        this.recipients = recipients.map(all -> all.split(",")).orElse(new String[0]);
    }

    /**
     * Writes one e-mail per finance address, in the transaction of the reversal (a synchronous
     * observer); returns how many (0 when written before for this cause).
     */
    int paymentReversed(@Observes PaymentReversed reversal) {
        int written = 0;
        for (String recipient : recipients) {
            if (recipient.isBlank()) {
                continue;
            }
            Letter letter = new Letter()
                    .paragraph("Stripe reports that the card payment of " + Letter.money(reversal.pence()) + " by "
                            + reversal.schoolId() + " for " + reversal.packageId() + " (purchase "
                            + reversal.purchaseId() + ") was " + reversal.why() + ". The purchase is now "
                            + reversal.status() + ".")
                    .paragraph("In all, " + Letter.credits(reversal.takenBack()) + " credits have been taken back"
                            + " from the school's balance, and " + Letter.credits(reversal.owed())
                            + " credits it had already spent are owed.")
                    .paragraph("The platform's purchase list shows it (GET /api/credits/platform/purchases).");
            if (outbox.enqueue(reversal.schoolId(), PAYMENT_REVERSED, PAYMENT_REVERSED + ":" + reversal.purchaseId()
                    + ":" + reversal.cause(), letter.to(recipient.strip(), "Payment " + reversal.why() + ": "
                    + reversal.schoolId() + ", " + Letter.money(reversal.pence())))) {
                written++;
            }
        }
        if (written == 0 && recipients.length == 0 && told.compareAndSet(false, true)) {
            LOG.warning("School Credits: CREDITS_FINANCE_EMAIL is not set, so finance is not e-mailed of refunds"
                    + " and disputes (the platform's purchase list shows them)");
        }
        return written;
    }
}
