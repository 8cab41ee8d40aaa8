package org.schoolcredits.purchases;

import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How purchases are paid besides Stripe's own settings ({@link StripeConfig}): the simulated
 * checkout, Checkout's payment methods, and the BACS and cheque instructions.
 */
@ConfigProperties(prefix = "credits")
public class PaymentsConfig {

    @ConfigProperty(name = "simulated-payments")
    public Boolean simulatedPayments;

    @ConfigProperty(name = "stripe.payment-methods")
    public List<String> paymentMethods;

    @ConfigProperty(name = "bacs.instructions")
    public String bacsInstructions;

    @ConfigProperty(name = "cheque.instructions")
    public String chequeInstructions;
}
