package org.schoolcredits.purchases;

import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stripe's key, webhook secret and address ({@code STRIPE_SECRET_KEY}, ...): secrets, so no default, never logged. */
@ConfigProperties(prefix = "stripe")
public class StripeConfig {

    @ConfigProperty(name = "secret.key")
    public Optional<String> secretKey;

    @ConfigProperty(name = "webhook.secret")
    public Optional<String> webhookSecret;

    @ConfigProperty(name = "api.base")
    public Optional<String> apiBase;
}
