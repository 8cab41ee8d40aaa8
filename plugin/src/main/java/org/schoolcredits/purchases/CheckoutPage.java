package org.schoolcredits.purchases;

import java.math.BigDecimal;
import java.util.Map;
import org.schoolcredits.host.CreditType;

/**
 * The simulated checkout's page, laid out like a hosted payment page: what is bought on one side,
 * the ways to pay Stripe Checkout offers (card, PayPal, Bacs Direct Debit) on the other, and a
 * "Return to" link to the school's MIS. A checkout no longer awaiting payment shows only how it
 * ended and the way back, never its buttons again. Styles and script come from the plugin's own
 * files (style-src 'self').
 */
final class CheckoutPage {

    private static final Map<Purchase.Status, String> ENDED = Map.of(
            Purchase.Status.PAID, "This order is paid. Thank you.",
            Purchase.Status.PENDING, "This order is paid by Bacs Direct Debit: the credits arrive once the debit"
                    + " clears.",
            Purchase.Status.FAILED, "The payment failed. Nothing was charged.",
            Purchase.Status.CANCELLED, "This checkout was cancelled. Nothing was charged.",
            Purchase.Status.EXPIRED, "This checkout expired. Nothing was charged.",
            Purchase.Status.REFUNDED, "This order was paid and has since been refunded.",
            Purchase.Status.DISPUTED, "This order was paid and its payment is disputed.");

    private CheckoutPage() {
    }

    static String html(Purchase p, String schoolName, String end, String returnUrl) {
        String kind = p.creditType() == CreditType.CONNECT ? "Connect" : "learner";
        String item = p.credits() + " " + kind + " " + (p.credits().toDecimal().compareTo(BigDecimal.ONE) == 0
                ? "credit" : "credits");
        String price = "£" + BigDecimal.valueOf(p.price().pence(), 2).toPlainString();
        String back = "<a class=\"back\" href=\"" + escape(returnUrl) + "\">← Return to " + escape(schoolName) + "</a>";
        String body = p.status() == Purchase.Status.AWAITING_PAYMENT ? form(end, price)
                : "<section class=\"outcome\" aria-labelledby=\"outcome\"><h2 id=\"outcome\">"
                + escape(ENDED.getOrDefault(p.status(), "This checkout has ended.")) + "</h2><p>" + back
                + "</p></section>";
        return """
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pay %s · School Credits checkout (simulated)</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="../../../credits/simulated-checkout.css">
                </head><body>
                <header class="top">%s<span class="test">Test mode · nothing is charged</span></header>
                <main>
                <section class="summary" aria-labelledby="summary">
                <p class="merchant">School Credits</p>
                <h1 id="summary"><span class="item">%s</span> <span class="price">%s</span></h1>
                <p class="muted">For %s</p>
                </section>
                <div class="pay">%s</div>
                </main>
                <script type="module" src="../../../credits/simulated-checkout.js"></script>
                </body></html>
                """.formatted(escape(item), back, escape(item), price, escape(schoolName), body);
    }

    private static String form(String end, String price) {
        return """
                <form class="methods" aria-labelledby="how">
                <h2 id="how">Payment method</h2>
                <fieldset><legend class="visually-hidden">Pay with</legend>
                <label class="method"><input type="radio" name="method" value="card" checked> Card</label>
                <label class="method"><input type="radio" name="method" value="paypal"> PayPal</label>
                <label class="method"><input type="radio" name="method" value="bacs_debit"> Bacs Direct Debit</label>
                </fieldset>
                <div data-for="card"><label>Card number<input value="4242 4242 4242 4242" readonly
                 autocomplete="off"></label><p class="muted">A test card: this checkout is simulated.</p></div>
                <div data-for="paypal" hidden><p>You would be sent to PayPal to approve the payment.</p></div>
                <div data-for="bacs_debit" hidden><p>You would give your sort code and account number; the debit
                 takes a few working days to clear, and the credits show as pending until then.</p></div>
                <button type="button" class="pay-button" data-end="%s/complete">Pay %s</button>
                <button type="button" class="secondary" data-end="%s/fail">Simulate a failed payment</button>
                <p id="error" class="error" role="alert"></p>
                </form>
                """.formatted(end, price, end);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
