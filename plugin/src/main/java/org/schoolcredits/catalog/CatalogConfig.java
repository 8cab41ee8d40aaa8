package org.schoolcredits.catalog;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Money;

/**
 * What schools can buy and which features they spend on: each package's size and price
 * ({@code credits.package.<id>.credits}, {@code .pence}; env e.g. {@code CREDITS_PACKAGE_LEARNER_10_PENCE}) and
 * the host's features ({@code credits.features}, {@link Features}). Defaults in the plugin's
 * {@code META-INF/microprofile-config.properties}, as every setting's. A feature's first price
 * ({@code credits.price.<CODE>}) is read by {@link PriceList}: its key is named by a feature a host
 * may register at run time, so it cannot be a field here.
 */
@ConfigProperties(prefix = "credits")
public class CatalogConfig {

    @ConfigProperty(name = "features")
    public Optional<String> features;

    @ConfigProperty(name = "package.learner-1.credits")
    public Long learner1Credits;
    @ConfigProperty(name = "package.learner-1.pence")
    public Long learner1Pence;
    @ConfigProperty(name = "package.learner-10.credits")
    public Long learner10Credits;
    @ConfigProperty(name = "package.learner-10.pence")
    public Long learner10Pence;
    @ConfigProperty(name = "package.learner-25.credits")
    public Long learner25Credits;
    @ConfigProperty(name = "package.learner-25.pence")
    public Long learner25Pence;
    @ConfigProperty(name = "package.learner-50.credits")
    public Long learner50Credits;
    @ConfigProperty(name = "package.learner-50.pence")
    public Long learner50Pence;
    @ConfigProperty(name = "package.learner-100.credits")
    public Long learner100Credits;
    @ConfigProperty(name = "package.learner-100.pence")
    public Long learner100Pence;
    @ConfigProperty(name = "package.connect-small.credits")
    public Long connectSmallCredits;
    @ConfigProperty(name = "package.connect-small.pence")
    public Long connectSmallPence;
    @ConfigProperty(name = "package.connect-medium.credits")
    public Long connectMediumCredits;
    @ConfigProperty(name = "package.connect-medium.pence")
    public Long connectMediumPence;
    @ConfigProperty(name = "package.connect-large.credits")
    public Long connectLargeCredits;
    @ConfigProperty(name = "package.connect-large.pence")
    public Long connectLargePence;

    /** The packages, in the order shown. */
    List<CreditPackage> packages() {
        return List.of(
                pack("learner-1", CreditType.LEARNER, learner1Credits, learner1Pence),
                pack("learner-10", CreditType.LEARNER, learner10Credits, learner10Pence),
                pack("learner-25", CreditType.LEARNER, learner25Credits, learner25Pence),
                pack("learner-50", CreditType.LEARNER, learner50Credits, learner50Pence),
                pack("learner-100", CreditType.LEARNER, learner100Credits, learner100Pence),
                pack("connect-small", CreditType.CONNECT, connectSmallCredits, connectSmallPence),
                pack("connect-medium", CreditType.CONNECT, connectMediumCredits, connectMediumPence),
                pack("connect-large", CreditType.CONNECT, connectLargeCredits, connectLargePence));
    }

    private static CreditPackage pack(String id, CreditType type, long credits, long pence) {
        return new CreditPackage(id, type, Credits.of(credits), new Money(pence));
    }
}
