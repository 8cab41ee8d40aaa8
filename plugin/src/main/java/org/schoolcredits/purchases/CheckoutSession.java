package org.schoolcredits.purchases;

/** A Checkout Session opened for a card purchase: its id, and the page the buyer pays on. */
public record CheckoutSession(String id, String url) {
}
