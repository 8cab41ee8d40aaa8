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
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Money;
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

    /**
     * A purchase as finance sees it: {@code flagged} when a payment disagreed with it, with every
     * reason; {@code takenBack} and {@code owed} the credits a refund or dispute took back from the
     * school's balance, and those it covered that the school had already spent.
     */
    public record PurchaseRow(String id, String school, String packageId, String creditType, BigDecimal credits,
                              long pence, String currency, String method, String status, boolean flagged,
                              List<String> flagReasons, BigDecimal takenBack, BigDecimal owed,
                              OffsetDateTime createdAt, String reference) {

        static PurchaseRow of(Purchase p) {
            return new PurchaseRow(p.id().toString(), p.schoolId(), p.packageId(), p.creditType().code(),
                    p.credits().toDecimal(), p.price().pence(), Money.CURRENCY, p.method().code(), p.status().code(),
                    p.flagged(), p.flagReasons(), p.takenBack().toDecimal(), p.owed().toDecimal(),
                    p.createdAt().atOffset(ZoneOffset.UTC), p.paymentReference());
        }
    }

    /** A page of purchases; {@code nextCursor} fetches the next, null on the last. */
    public record PurchasesPage(List<PurchaseRow> items, String nextCursor) {
    }

    static final int MAX_LIMIT = 200;

    @Inject
    Purchases purchases;

    @Inject
    Callers callers;

    @Inject
    Idempotency idempotency;

    /**
     * Newest first, {@code limit} a page (50 unless given, at most {@value #MAX_LIMIT}), then the
     * page after {@code cursor}; {@code ?status=pending} for the payments waiting to clear,
     * {@code ?flagged=true} for those to review.
     */
    @GET
    public PurchasesPage list(@QueryParam("status") Purchase.Status filter, @QueryParam("flagged") String flagged,
                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (flagged != null && !flagged.equals("true") && !flagged.equals("false")) {
            throw parameter("flagged", "'flagged' must be true or false");
        }
        int size = limit(limit);
        Purchase after = cursor == null ? null : Purchase.idOf(cursor).flatMap(purchases::find)
                .orElseThrow(() -> parameter("cursor", "The cursor is not one this list gave"));
        List<PurchaseRow> rows = purchases.list(filter, flagged == null ? null : Boolean.valueOf(flagged), after, size)
                .stream().map(PurchaseRow::of).toList();
        return new PurchasesPage(rows, rows.size() == size ? rows.get(rows.size() - 1).id() : null);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limit.strip())));
        } catch (NumberFormatException e) {
            throw parameter("limit", "'limit' must be a whole number");
        }
    }

    private static CreditsException parameter(String name, String detail) {
        return new CreditsException(ProblemCode.INVALID_PARAMETER, detail, Map.of("parameter", name));
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
