package org.schoolcredits.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.ledger.Forecast;
import org.schoolcredits.ledger.TopUps;

/**
 * The packages schools buy, each's credits and price as configured ({@link CatalogConfig}).
 */
@ApplicationScoped
public class Packages implements TopUps {

    /** The most a single action may be priced at, in credits. */
    public static final long MAX_PRICE_CREDITS = 10_000;

    @Inject
    @ConfigProperties
    CatalogConfig config;

    private List<CreditPackage> packages;

    protected Packages() {
    }

    /** Outside the container (tests). */
    public Packages(CatalogConfig config) {
        this.packages = config.packages();
    }

    @PostConstruct
    void configure() {
        this.packages = config.packages();
    }

    public List<CreditPackage> all() {
        return packages;
    }

    @Override
    public List<Forecast.TopUp> of(CreditType type) {
        return packages.stream().filter(p -> p.creditType() == type).map(p -> new Forecast.TopUp(p.id(), p.credits()))
                .toList();
    }

    public Optional<CreditPackage> find(String id) {
        return packages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** What one credit of this type costs bought singly, in thousandths of a penny. */
    public long milliPencePerCredit(CreditType type) {
        return type == CreditType.CONNECT ? 10_000 : find("learner-1").orElseThrow().price().pence() * 1000;
    }
}
