package org.schoolcredits.alerts;

import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The default low-balance thresholds of a school without its own, and finance's e-mail addresses. */
@ConfigProperties(prefix = "credits")
public class AlertsConfig {

    @ConfigProperty(name = "low-balance.learner")
    public BigDecimal lowBalanceLearner;

    @ConfigProperty(name = "low-balance.connect")
    public BigDecimal lowBalanceConnect;

    @ConfigProperty(name = "finance-email")
    public Optional<String> financeEmail;
}
