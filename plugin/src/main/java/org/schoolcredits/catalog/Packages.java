package org.schoolcredits.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Forecast;
import org.schoolcredits.ledger.TopUps;
import org.schoolcredits.kernel.Money;

/**
 * The packages schools buy. Each package's credits and price can be overridden by configuration,
 * e.g. {@code credits.package.learner-10.pence} (env {@code CREDITS_PACKAGE_LEARNER_10_PENCE}).
 */
@ApplicationScoped
public class Packages implements TopUps {

    /** The most a single action may be priced at, in credits. */
    public static final long MAX_PRICE_CREDITS = 10_000;

    private static final List<CreditPackage> DEFAULTS = List.of(
            pack("learner-1", CreditType.LEARNER, 1, 500),
            pack("learner-10", CreditType.LEARNER, 10, 4500),
            pack("learner-25", CreditType.LEARNER, 25, 10000),
            pack("learner-50", CreditType.LEARNER, 50, 19000),
            pack("learner-100", CreditType.LEARNER, 100, 35000),
            pack("connect-small", CreditType.CONNECT, 50, 500),
            pack("connect-medium", CreditType.CONNECT, 100, 1000),
            pack("connect-large", CreditType.CONNECT, 500, 4500));

    private final List<CreditPackage> packages;

    public Packages() {
        this(ConfigProvider.getConfig());
    }

    public Packages(Config config) {
        this.packages = DEFAULTS.stream().map(p -> new CreditPackage(p.id(), p.creditType(),
                Credits.of(config.getOptionalValue("credits.package." + p.id() + ".credits", Long.class)
                        .orElse(p.credits().millis() / 1000)),
                new Money(config.getOptionalValue("credits.package." + p.id() + ".pence", Long.class)
                        .orElse(p.price().pence())))).toList();
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

    private static CreditPackage pack(String id, CreditType type, long credits, long pence) {
        return new CreditPackage(id, type, Credits.of(credits), new Money(pence));
    }
}
