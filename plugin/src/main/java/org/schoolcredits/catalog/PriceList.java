package org.schoolcredits.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Remembered;
import org.schoolcredits.storage.SchemaMigrated;

/**
 * The versioned price list of the registered {@link Features}. Version 1 of each feature's price
 * comes from configuration ({@code credits.price.SMS}, env {@code CREDITS_PRICE_SMS}, …) or else from
 * the feature's registration, the first time the plugin starts with the feature registered;
 * later versions are set by platform finance from a date. A usage is charged the version in
 * force when it was reserved.
 * <p>
 * Every usage asks for its price, so every version of every price (a small table) is
 * {@link Remembered} for a second and the version in force is picked from them by the clock: a
 * version set through this instance counts at once, one set through another instance sharing the
 * database within that second, and one set ahead of its date exactly then.
 */
@ApplicationScoped
public class PriceList {

    private static final String ALL = "all";

    private final Remembered<String, List<Price>> versions = new Remembered<>();
    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;
    private CreditsClock clock;
    private Features features;

    protected PriceList() {
    }

    @Inject
    public PriceList(CreditsClock clock, Features features) {
        this.clock = clock;
        this.features = features;
    }

    /** Outside the container (tests): on {@code em}. */
    public PriceList(EntityManager em, CreditsClock clock, Features features) {
        this(clock, features);
        this.em = em;
    }

    /** A price list of the default features (tests). */
    public PriceList(EntityManager em, CreditsClock clock) {
        this(em, clock, Features.defaults());
    }

    /** The features priced here: every registered one. */
    public Features features() {
        return features;
    }

    /**
     * Writes version 1 of every registered feature's price that has none yet, in force since ever:
     * {@code credits.price.<CODE>} if set, else the price the feature was registered with. Runs at start-up, before the host's clock may be readable, so it stamps the row with
     * the database's time. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seedDefaults(Config config) {
        for (Feature feature : features.all()) {
            BigDecimal credits = config.getOptionalValue("credits.price." + feature.name(), BigDecimal.class)
                    .orElse(feature.price());
            em.createNativeQuery("insert into price (feature, version, credits, effective_from, created_at,"
                            + " created_by) values (?, 1, ?, ?, now(), 'configuration') on conflict do nothing")
                    .setParameter(1, feature.name()).setParameter(2, Credits.of(credits).millis())
                    .setParameter(3, Instant.EPOCH.atOffset(ZoneOffset.UTC)).executeUpdate();
        }
        versions.forget(ALL);
    }

    @Transactional
    void seedDefaults(@Observes SchemaMigrated event) {
        seedDefaults(ConfigProvider.getConfig());
    }

    /** The price in force now. */
    public Price inForce(Feature feature) {
        return inForce(feature, System.nanoTime());
    }

    /** As {@link #inForce(Feature)}, with the versions remembered at {@code now} on {@link System#nanoTime()}'s scale. */
    Price inForce(Feature feature, long now) {
        Instant at = clock.now();
        return versions.get(ALL, now, all -> versions()).stream()
                .filter(price -> price.feature().equals(feature) && !price.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(Price::effectiveFrom).thenComparingInt(Price::version))
                .orElseThrow(() -> new IllegalStateException("no price in force for " + feature));
    }

    /** Every price version of every registered feature, by feature, newest first. */
    public List<Price> versions() {
        return em.createQuery("select p from PriceVersion p order by p.feature, p.effectiveFrom desc, p.version desc",
                        PriceVersion.class).getResultList().stream().map(p -> p.price(features))
                .filter(java.util.Objects::nonNull).toList();
    }

    public List<Price> allInForce() {
        return features.all().stream().map(this::inForce).toList();
    }

    /** Adds a price version, in force from {@code effectiveFrom}; earlier usages keep theirs. */
    @Transactional
    public Price set(Feature feature, Credits credits, Instant effectiveFrom, Actor by) {
        if (!credits.isPositive()) {
            throw CreditsException.invalidField("credits", "A price must be more than zero credits");
        }
        // the next version number in the insert itself: one statement
        PriceVersion version = (PriceVersion) em.createNativeQuery("insert into price (feature, version, credits,"
                        + " effective_from, created_at, created_by) select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?"
                        + " from price where feature = ? returning *", PriceVersion.class)
                .setParameter(1, feature.name()).setParameter(2, credits.millis())
                .setParameter(3, effectiveFrom.atOffset(ZoneOffset.UTC)).setParameter(4, clock.now().atOffset(ZoneOffset.UTC))
                .setParameter(5, by.name()).setParameter(6, feature.name()).getSingleResult();
        Price price = version.price(features);
        versions.forget(ALL);
        return price;
    }
}
