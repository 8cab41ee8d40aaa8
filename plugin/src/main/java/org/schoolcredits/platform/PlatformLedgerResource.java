package org.schoolcredits.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.schoolcredits.catalog.Price;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.purchases.PurchaseChecks;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** Platform finance's corrections, prices and reconciliation. */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.PLATFORM)
public class PlatformLedgerResource {

    public record AdjustmentView(String school, String creditType, BigDecimal amount, BigDecimal available) {
    }

    public record PriceView(String feature, int version, BigDecimal credits, OffsetDateTime effectiveFrom) {
    }

    @Inject
    Callers callers;

    @Inject
    Ledger ledger;

    @Inject
    PriceList prices;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PurchaseChecks purchaseChecks;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("adjustments")
    public Response adjust(@HeaderParam("Idempotency-Key") String key, AdjustmentRequest body) {
        String school = body.school();
        CreditType type = body.creditType();
        Credits amount = body.amount();
        String reason = body.reason();
        if (amount.millis() == 0) {
            throw CreditsException.invalidField("amount", "'amount' must not be zero");
        }
        Caller caller = callers.current();
        return idempotency.once("platform:" + caller.userId(), key, "POST /platform/adjustments " + Idempotency.json(body),
                () -> Response.status(201).entity(adjust(school, type, amount, reason, Actor.of(caller))).build());
    }

    /** Runs inside {@link Idempotency#once}'s transaction. */
    private AdjustmentView adjust(String school, CreditType type, Credits amount, String reason, Actor by) {
        if (!ledger.exists(school)) {
            throw CreditsException.notFound("The school");
        }
        ledger.adjust(school, type, amount, reason, by);
        return new AdjustmentView(school, type.code(), amount.toDecimal(),
                ledger.balance(school, type).available().toDecimal());
    }

    @PUT
    @Path("prices/{feature}")
    public Response setPrice(@HeaderParam("Idempotency-Key") String key, @PathParam("feature") String feature,
                             PriceRequest body) {
        Feature priced = prices.features().find(feature)
                .orElseThrow(() -> CreditsException.notFound("The feature " + feature));
        Credits credits = body.credits();
        OffsetDateTime from = body.effectiveFrom();
        Caller caller = callers.current();
        return idempotency.once("platform:" + caller.userId(), key, "PUT /platform/prices/" + feature + " " + Idempotency.json(body),
                () -> {
                    Price current = prices.inForce(priced);
                    if (from.toInstant().isBefore(current.effectiveFrom())) {
                        throw CreditsException.invalidField("effectiveFrom", "'effectiveFrom' must not be before"
                                + " the price in force, from " + current.effectiveFrom());
                    }
                    Price price = prices.set(priced, credits, from.toInstant(), Actor.of(caller));
                    return Response.ok(new PriceView(price.feature().name(), price.version(),
                            price.credits().toDecimal(), price.effectiveFrom().atOffset(ZoneOffset.UTC))).build();
                });
    }

    /** A price version, {@code inForce} for the one each feature is charged at now. */
    public record PriceVersion(String feature, int version, BigDecimal credits, OffsetDateTime effectiveFrom,
                               boolean inForce) {
    }

    /** Every price version with its date, past, present and future, by feature, newest first. */
    @GET
    @Path("prices")
    public List<PriceVersion> prices() {
        List<Price> now = prices.allInForce();
        return prices.versions().stream().map(p -> new PriceVersion(p.feature().name(), p.version(),
                p.credits().toDecimal(), p.effectiveFrom().atOffset(ZoneOffset.UTC), now.contains(p))).toList();
    }

    /** The ledger's invariants and the purchases' checks against it, on one snapshot. */
    @GET
    @Path("reconciliation")
    public Reconciliation.Report reconciliation() {
        return reconciliation.run(purchaseChecks);
    }
}
