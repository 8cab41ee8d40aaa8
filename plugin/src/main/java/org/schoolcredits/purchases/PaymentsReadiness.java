package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when card payments can be taken: Stripe is configured, or the simulated checkout is
 * explicitly allowed. Otherwise DOWN with the reason (fail closed: a platform whose card purchases
 * all answer 503 is misconfigured, and should not pass for ready behind a load balancer).
 */
@Readiness
@ApplicationScoped
public class PaymentsReadiness implements HealthCheck {

    @Inject
    PurchaseSettings settings;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("school-credits-payments");
        String refusal = settings.cardRefusal();
        if (refusal != null) {
            return response.down().withData("cardPayments", refusal).build();
        }
        return response.up().withData("cardPayments", settings.stripeLive() ? "stripe" : "simulated").build();
    }
}
