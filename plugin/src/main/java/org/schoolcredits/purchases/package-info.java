/**
 * Buying credit packages: by card through Stripe Checkout (or, only when explicitly allowed, its
 * simulated stand-in), credited only by the signed webhook, once per Checkout Session; by BACS
 * transfer or cheque, pending until platform finance clears it. Refunds and disputes of a card
 * payment take its credits back ({@link org.schoolcredits.purchases.PaymentReversals}); a payment
 * that disagreed with its purchase is flagged until platform finance credits or dismisses it
 * ({@link org.schoolcredits.purchases.FlaggedPurchases}). Only
 * {@link org.schoolcredits.purchases.StripeGateway} speaks to Stripe.
 */
package org.schoolcredits.purchases;
