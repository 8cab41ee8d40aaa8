package org.schoolcredits.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.ConfigDefaults;

class PackagesTest {

    @Test
    @DisplayName("the packages are the contract's by default, from the one defaults file")
    void contractDefaults() {
        Packages packages = new Packages(ConfigDefaults.bind(CatalogConfig.class));
        assertEquals(List.of("learner-1 1 500", "learner-10 10 4500", "learner-25 25 10000", "learner-50 50 19000",
                        "learner-100 100 35000", "connect-small 50 500", "connect-medium 100 1000",
                        "connect-large 500 4500"),
                packages.all().stream().map(p -> p.id() + " " + p.credits().toDecimal().toPlainString() + " "
                        + p.price().pence()).toList());
    }

    @Test
    @DisplayName("a package's size and price follow its settings")
    void configured() {
        CatalogConfig config = ConfigDefaults.bind(CatalogConfig.class);
        config.learner10Credits = 12L;
        config.learner10Pence = 4000L;
        CreditPackage ten = new Packages(config).find("learner-10").orElseThrow();
        assertEquals(12_000, ten.credits().millis());
        assertEquals(4000, ten.price().pence());
    }
}
