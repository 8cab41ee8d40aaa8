/**
 * Buying credit packages: by card through Stripe Checkout (or its simulated stand-in when no
 * Stripe key is set), credited only by the signed webhook, once per Checkout Session; by BACS
 * transfer or cheque, pending until platform finance clears it. Only {@link
 * org.schoolcredits.purchases.StripeGateway} speaks to Stripe.
 */
package org.schoolcredits.purchases;
