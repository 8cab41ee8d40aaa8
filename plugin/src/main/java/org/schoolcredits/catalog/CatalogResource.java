package org.schoolcredits.catalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** The prices in force of every registered feature (with its label and credit type) and the packages on sale. */
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    public record PriceView(String feature, String label, String creditType, BigDecimal credits, long pence,
                            OffsetDateTime effectiveFrom) {
    }

    public record PackageView(String id, String creditType, BigDecimal credits, long pence, String currency) {
    }

    @Inject
    PriceList prices;

    @Inject
    Packages packages;

    @GET
    @Path("prices")
    @Requires(Permission.VIEW)
    public List<PriceView> prices() {
        return prices.allInForce().stream().map(p -> new PriceView(p.feature().code(), p.feature().label(),
                p.feature().creditType().code(), p.credits().toDecimal(),
                BigDecimal.valueOf(p.credits().millis() * packages.milliPencePerCredit(p.feature().creditType()))
                        .movePointLeft(6).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                p.effectiveFrom().atOffset(ZoneOffset.UTC))).toList();
    }

    @GET
    @Path("packages")
    @Requires(Permission.VIEW)
    public List<PackageView> packages() {
        return packages.all().stream().map(p -> new PackageView(p.id(), p.creditType().code(),
                p.credits().toDecimal(), p.price().pence(), Money.CURRENCY)).toList();
    }
}
