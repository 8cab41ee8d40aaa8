package org.schoolcredits.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schoolcredits.host.Caller;
import org.schoolcredits.ledger.Actor;
import org.schoolcredits.ledger.Money;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.Purchase;
import org.schoolcredits.purchases.Purchases;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** Platform finance: every school's purchases, and clearing or failing BACS and cheque payments. */
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.PLATFORM)
public class PlatformPurchasesResource {

    /** A purchase as finance sees it; {@code flagged} when a payment disagreed with it, with the reason. */
    public record PurchaseRow(String id, String school, String packageId, String creditType, BigDecimal credits,
                              long pence, String currency, String method, String status, boolean flagged,
                              String flagReason, OffsetDateTime createdAt) {

        static PurchaseRow of(Purchase p) {
            return new PurchaseRow(p.id().toString(), p.schoolId(), p.packageId(), p.creditType().code(),
                    p.credits().toDecimal(), p.price().pence(), Money.CURRENCY, p.method().code(), p.status().code(),
                    p.flagReason() != null, p.flagReason(), p.createdAt().atOffset(ZoneOffset.UTC));
        }
    }

    @Inject
    Purchases purchases;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    /** Newest first, at most 500; {@code ?status=pending} for the payments waiting to clear, {@code ?flagged=true}. */
    @GET
    public List<PurchaseRow> list(@QueryParam("status") String status, @QueryParam("flagged") Boolean flagged) {
        Purchase.Status filter;
        try {
            filter = status == null ? null : Purchase.Status.ofCode(status);
        } catch (IllegalArgumentException e) {
            throw new CreditsException(ProblemCode.INVALID_PARAMETER, "The status must be one of awaiting_payment,"
                    + " pending, paid, failed or cancelled", Map.of("parameter", "status"));
        }
        return purchases.list(filter, flagged).stream().map(PurchaseRow::of).toList();
    }

    /** The payment cleared: the pending credits become available, once. */
    @POST
    @Path("{id}/clear")
    public Response clear(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return settle(id, true, key);
    }

    /** The payment failed: the pending credits go, once. */
    @POST
    @Path("{id}/fail")
    public Response fail(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return settle(id, false, key);
    }

    private Response settle(String id, boolean cleared, String key) {
        UUID purchaseId = Purchase.idOf(id).orElseThrow(() -> CreditsException.notFound("The purchase"));
        Caller caller = callers.current();
        return idempotency.once("platform:" + caller.userId(), key,
                "POST /platform/purchases/" + id + (cleared ? "/clear" : "/fail"),
                () -> Response.ok(PurchaseRow.of(purchases.settle(purchaseId, cleared, Actor.of(caller)))).build());
    }
}
