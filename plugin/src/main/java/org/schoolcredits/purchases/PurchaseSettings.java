package org.schoolcredits.purchases;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.links.HostLinks;

/**
 * How purchases are paid, from configuration. Card payments go to Stripe when a Stripe secret key
 * is set; without one they go to the simulated checkout only when {@code credits.simulated-payments}
 * ({@code CREDITS_SIMULATED_PAYMENTS}) says so, and otherwise a card purchase is refused (fail
 * closed: nothing that looks like money moves by default). A webhook secret that is not configured
 * is a random one per start for the simulated checkout, and none (every event refused) for Stripe.
 * Secrets are never logged.
 */
@ApplicationScoped
public class PurchaseSettings {

    private static final Logger LOG = Logger.getLogger(PurchaseSettings.class.getName());

    private HostLinks links;
    private Optional<String> stripeSecretKey;
    private boolean simulated;
    private String webhookSecret;
    private Optional<String> stripeApiBase;
    private List<String> paymentMethods;
    private String bacsInstructions;
    private String chequeInstructions;

    @Inject
    @ConfigProperties
    StripeConfig stripe;

    @Inject
    @ConfigProperties
    PaymentsConfig payments;

    protected PurchaseSettings() {
    }

    @Inject
    public PurchaseSettings(HostLinks links) {
        this.links = links;
    }

    @PostConstruct
    void configure() {
        configure(stripe.secretKey, payments.simulatedPayments, stripe.webhookSecret, stripe.apiBase,
                payments.paymentMethods, payments.bacsInstructions, payments.chequeInstructions);
    }

    /**
     * Made at start-up, inside the application, as every plugin setting must be read: Payara's health
     * servlet, which may otherwise be the first to call this bean (readiness), does not see the WAR's
     * {@code microprofile-config.properties}, so neither the plugin's defaults nor a host's own values.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "School Credits: card payments " + (cardRefusal() == null ? "can be taken" : "refused"));
    }

    public PurchaseSettings(HostLinks links, Optional<String> stripeSecretKey, boolean simulatedPayments,
                            Optional<String> webhookSecret, Optional<String> stripeApiBase, List<String> paymentMethods,
                            String bacsInstructions, String chequeInstructions) {
        this.links = links;
        configure(stripeSecretKey, simulatedPayments, webhookSecret, stripeApiBase, paymentMethods, bacsInstructions,
                chequeInstructions);
    }

    private void configure(Optional<String> stripeSecretKey, boolean simulatedPayments, Optional<String> webhookSecret,
                           Optional<String> stripeApiBase, List<String> paymentMethods, String bacsInstructions,
                           String chequeInstructions) {
        this.stripeSecretKey = stripeSecretKey.filter(key -> !key.isBlank());
        this.simulated = this.stripeSecretKey.isEmpty() && simulatedPayments;
        this.stripeApiBase = stripeApiBase.filter(base -> !base.isBlank());
        this.paymentMethods = List.copyOf(paymentMethods);
        this.bacsInstructions = bacsInstructions;
        this.chequeInstructions = chequeInstructions;
        if (this.stripeSecretKey.isPresent() && simulatedPayments) {
            LOG.warning("School Credits: STRIPE_SECRET_KEY is set, so CREDITS_SIMULATED_PAYMENTS is ignored");
        }
        if (cardRefusal() != null) {
            LOG.warning("School Credits: " + cardRefusal());
        }
        this.webhookSecret = webhookSecret.filter(secret -> !secret.isBlank()).orElseGet(() -> {
            if (!simulated) {
                if (this.stripeSecretKey.isPresent()) {
                    LOG.warning("School Credits: STRIPE_WEBHOOK_SECRET is not set, so every Stripe event is refused");
                }
                return null;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return "whsec_" + HexFormat.of().formatHex(random);
        });
    }

    /** The address users reach the MIS at, without a trailing slash. */
    public String publicUrl() {
        return links.publicUrl();
    }

    /** Whether card payments go to Stripe. */
    public boolean stripeLive() {
        return stripeSecretKey.isPresent();
    }

    /** Whether card payments go to the simulated checkout: no Stripe key, and the simulation allowed. */
    public boolean simulated() {
        return simulated;
    }

    /** Why card payments are refused, for the 503 and the readiness check; null when they can be taken. */
    public String cardRefusal() {
        return stripeLive() || simulated ? null : "card payments are not configured: set STRIPE_SECRET_KEY (and"
                + " STRIPE_WEBHOOK_SECRET), or CREDITS_SIMULATED_PAYMENTS=true for a demo's fake payments";
    }

    Optional<String> stripeSecretKey() {
        return stripeSecretKey;
    }

    /** The secret events are signed with; null when Stripe is live and none is configured. */
    String webhookSecret() {
        return webhookSecret;
    }

    Optional<String> stripeApiBase() {
        return stripeApiBase;
    }

    /** Stripe's names of the payment methods Checkout offers, e.g. {@code card}, {@code bacs_debit}. */
    List<String> paymentMethods() {
        return paymentMethods;
    }

    /** Where the buyer returns to after paying: the host's credits page. */
    String successUrl(Purchase purchase) {
        return links.creditsPage("purchase=" + purchase.id());
    }

    /** Where the buyer returns to after leaving Checkout without paying. */
    String cancelUrl(Purchase purchase) {
        return successUrl(purchase) + "&cancelled=true";
    }

    /** How to pay a BACS or cheque purchase; null for a card. */
    String instructions(Purchase purchase) {
        String text = switch (purchase.method()) {
            case BACS -> bacsInstructions;
            case CHEQUE -> chequeInstructions;
            case CARD -> null;
        };
        return text == null ? null : text.replace("{reference}", purchase.paymentReference());
    }
}
