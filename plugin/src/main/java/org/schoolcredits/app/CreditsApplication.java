package org.schoolcredits.app;

import org.schoolcredits.rest.AccessFilter;
import org.schoolcredits.rest.ConstraintViolationMapper;
import org.schoolcredits.rest.CrossSiteFilter;
import org.schoolcredits.rest.EnumParams;
import org.schoolcredits.rest.JsonBodyReader;
import org.schoolcredits.rest.JsonbResolver;
import org.schoolcredits.rest.ParameterFilter;
import org.schoolcredits.rest.ProblemMapper;
import org.schoolcredits.rest.RateLimitFilter;
import jakarta.ws.rs.ApplicationPath;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.schoolcredits.alerts.OutboxResource;
import org.schoolcredits.alerts.SettingsResource;
import org.schoolcredits.catalog.CatalogResource;
import org.schoolcredits.fragments.FragmentsResource;
import org.schoolcredits.history.HistoryResource;
import org.schoolcredits.history.StatementResource;
import org.schoolcredits.history.UsageResource;
import org.schoolcredits.learners.LearnersResource;
import org.schoolcredits.balance.BalanceResource;
import org.schoolcredits.metering.UsagesResource;
import org.schoolcredits.platform.PlatformLedgerResource;
import org.schoolcredits.platform.PlatformPurchasesResource;
import org.schoolcredits.purchases.CheckoutResource;
import org.schoolcredits.purchases.PurchasesResource;
import org.schoolcredits.purchases.WebhookResource;

/**
 * The plugin's REST application, mounted at {@code /api/credits}: the only place its resources and
 * providers are registered. They carry no class-level {@code @Path} and no {@code @Provider} (this
 * class gives each resource its path), so that a host's own application that scans the WAR finds
 * none of them: the plugin's filters never see the host's requests, and its resources answer under
 * {@code /api/credits} only.
 */
@ApplicationPath("api/credits")
public class CreditsApplication extends ResourceConfig {

    /** Every resource of the plugin and its path; the descriptor test holds these against the descriptor. */
    public static final Map<Class<?>, String> PATHS = Map.ofEntries(
            Map.entry(BalanceResource.class, "balance"),
            Map.entry(CatalogResource.class, ""),
            Map.entry(UsagesResource.class, "usages"),
            Map.entry(HistoryResource.class, "history"),
            Map.entry(StatementResource.class, "statement"),
            Map.entry(UsageResource.class, "usage"),
            Map.entry(PlatformLedgerResource.class, "platform"),
            Map.entry(LearnersResource.class, "learners"),
            Map.entry(PurchasesResource.class, "purchases"),
            Map.entry(WebhookResource.class, "stripe/webhook"),
            Map.entry(CheckoutResource.class, "checkout/{sessionId}"),
            Map.entry(PlatformPurchasesResource.class, "platform/purchases"),
            Map.entry(SettingsResource.class, "settings"),
            Map.entry(OutboxResource.class, "platform/outbox"),
            Map.entry(FragmentsResource.class, "fragments"));

    /** Every resource of the plugin. */
    public static final Set<Class<?>> RESOURCES = PATHS.keySet();

    /**
     * The filters, body reader, enum parameters, JSON-B settings and problem mappers of the plugin's
     * resources.
     */
    public static final Set<Class<?>> PROVIDERS = Set.of(AccessFilter.class, JsonBodyReader.class, EnumParams.class,
            JsonbResolver.class, ProblemMapper.class, ConstraintViolationMapper.class, RateLimitFilter.class,
            CrossSiteFilter.class, ParameterFilter.class);

    public CreditsApplication() {
        PATHS.forEach((resource, path) -> registerResources(Resource.builder(resource).path(path).build()));
        registerClasses(PROVIDERS);
    }
}
