package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.Purchase.Resolution;

/**
 * Platform finance's review of a purchase flagged because a payment disagreed with it (which
 * credited nothing): credited after review, it is paid the way {@link StripeEvents} pays an
 * agreeing payment, once; dismissed, nothing is credited and its status stays. Either way the
 * resolution (who, when, why) is recorded and the purchase leaves the flagged list, once: the
 * resolution is a conditional update in the same transaction as the credit.
 */
@ApplicationScoped
public class FlaggedPurchases {

    private PurchaseRepository purchases;
    private StripeEvents events;
    private CreditsClock clock;

    protected FlaggedPurchases() {
    }

    @Inject
    public FlaggedPurchases(PurchaseRepository purchases, StripeEvents events, CreditsClock clock) {
        this.purchases = purchases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Resolves every flag of the purchase; 404 for none, 409 when it has no flag to resolve or cannot
     * be credited. Crediting comes first, so that the payment is locked before the purchase, as the
     * webhook locks them; the resolution's conditional update then refuses a second one, rolling
     * back whatever the call did.
     */
    @Transactional
    public Purchase resolve(UUID id, Resolution.Outcome outcome, String reason, Actor by) {
        Purchase purchase = purchases.find(id).orElseThrow(() -> CreditsException.notFound("The purchase"));
        if (!purchase.flagged()) {
            throw notFlagged(purchase);
        }
        if (outcome == Resolution.Outcome.CREDITED && !events.payAfterReview(purchase, "review:" + purchase.id())) {
            throw new CreditsException(ProblemCode.PURCHASE_NOT_CREDITABLE, "The purchase is "
                    + purchase.status().code() + ": it was credited before or has ended, so its flag can only be"
                    + " dismissed");
        }
        if (!purchases.resolve(purchase, new Resolution(outcome, reason, by, clock.now()))) {
            throw notFlagged(purchases.find(id).orElseThrow());
        }
        return purchases.find(id).orElseThrow();
    }

    private static CreditsException notFlagged(Purchase purchase) {
        return new CreditsException(ProblemCode.PURCHASE_NOT_FLAGGED, purchase.resolution() == null
                ? "The purchase is not flagged for review"
                : "The purchase was resolved already (" + purchase.resolution().outcome().code() + " by "
                + purchase.resolution().by().name() + ")");
    }
}
