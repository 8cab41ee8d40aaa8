package org.schoolcredits.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.schoolcredits.alerts.OutboxResource;
import org.schoolcredits.alerts.SettingsResource;
import org.schoolcredits.catalog.CatalogResource;
import org.schoolcredits.history.HistoryResource;
import org.schoolcredits.learners.LearnersResource;
import org.schoolcredits.ledger.BalanceResource;
import org.schoolcredits.metering.UsagesResource;
import org.schoolcredits.platform.PlatformLedgerResource;
import org.schoolcredits.platform.PlatformPurchasesResource;
import org.schoolcredits.purchases.CheckoutResource;
import org.schoolcredits.purchases.PurchasesResource;
import org.schoolcredits.purchases.WebhookResource;

/**
 * The plugin's REST application, mounted at {@code /api/credits}. It lists its classes, so that
 * it exposes only what plugin-descriptor.xml declares and none of the host's resources.
 */
@ApplicationPath("api/credits")
public class CreditsApplication extends Application {

    /** Every resource of the plugin; the descriptor test holds this list against the descriptor. */
    public static final Set<Class<?>> RESOURCES = Set.of(
            BalanceResource.class,
            CatalogResource.class,
            UsagesResource.class,
            HistoryResource.class,
            PlatformLedgerResource.class,
            LearnersResource.class,
            PurchasesResource.class,
            WebhookResource.class,
            CheckoutResource.class,
            PlatformPurchasesResource.class,
            SettingsResource.class,
            OutboxResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new java.util.HashSet<Class<?>>(RESOURCES);
        classes.addAll(Set.of(AccessFilter.class, JsonBodyReader.class, JsonbResolver.class, ProblemMapper.class,
                RateLimitFilter.class));
        classes.addAll(Set.of(CrossSiteFilter.class, ParameterFilter.class));
        return classes;
    }
}
