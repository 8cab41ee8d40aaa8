package org.schoolcredits.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.schoolcredits.purchases.FlaggedPurchases;
import org.schoolcredits.purchases.Purchase;
import org.schoolcredits.purchases.Purchases;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * Platform finance: every school's purchases, clearing or failing BACS and cheque payments, and
 * resolving flagged purchases.
 */
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.PLATFORM)
public class PlatformPurchasesResource {

    /**
     * A purchase as finance sees it: {@code flagged} when a payment disagreed with it, with every
     * reason; {@code takenBack} and {@code owed} the credits a refund or dispute took back from the
     * school's balance, and those it covered that the school had already spent; {@code resolution}
     * ({@code credited} or {@code dismissed}), {@code resolutionReason}, {@code resolvedAt} and
     * {@code resolvedBy} how finance last resolved its flags, null when it never did.
     */
    public record PurchaseRow(String id, String school, String packageId, String creditType, BigDecimal credits,
                              long pence, String currency, String method, String status, boolean flagged,
                              List<String> flagReasons, BigDecimal takenBack, BigDecimal owed,
                              OffsetDateTime createdAt, String reference, String resolution, String resolutionReason,
                              OffsetDateTime resolvedAt, String resolvedBy) {

        static PurchaseRow of(Purchase p) {
            Purchase.Resolution r = p.resolution();
            return new PurchaseRow(p.id().toString(), p.schoolId(), p.packageId(), p.creditType().code(),
                    p.credits().toDecimal(), p.price().pence(), Money.CURRENCY, p.method().code(), p.status().code(),
                    p.flagged(), p.flagReasons(), p.takenBack().toDecimal(), p.owed().toDecimal(),
                    p.createdAt().atOffset(ZoneOffset.UTC), p.paymentReference(),
                    r == null ? null : r.outcome().code(), r == null ? null : r.reason(),
                    r == null ? null : r.at().atOffset(ZoneOffset.UTC), r == null ? null : r.by().name());
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

    @Inject
    FlaggedPurchases flaggedPurchases;

    /**
     * Newest first, {@code limit} a page (50 unless given, at most {@value #MAX_LIMIT}), then the
     * page after {@code cursor}; {@code ?status=pending} for the payments waiting to clear,
     * {@code ?flagged=true} for those to review, {@code ?resolved=true} for those finance resolved.
     */
    @GET
    public PurchasesPage list(@QueryParam("status") Purchase.Status filter, @QueryParam("flagged") String flagged,
                              @QueryParam("resolved") String resolved, @QueryParam("limit") String limit,
                              @QueryParam("cursor") String cursor) {
        Boolean onlyFlagged = bool("flagged", flagged);
        Boolean onlyResolved = bool("resolved", resolved);
        int size = limit(limit);
        Purchase after = cursor == null ? null : Purchase.idOf(cursor).flatMap(purchases::find)
                .orElseThrow(() -> parameter("cursor", "The cursor is not one this list gave"));
        List<PurchaseRow> rows = purchases.list(filter, onlyFlagged, onlyResolved, after, size)
                .stream().map(PurchaseRow::of).toList();
        return new PurchasesPage(rows, rows.size() == size ? rows.get(rows.size() - 1).id() : null);
    }

    private static Boolean bool(String name, String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw parameter(name, "'" + name + "' must be true or false");
        }
        return value == null ? null : Boolean.valueOf(value);
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

    /**
     * Resolves a flagged purchase, {@code {"action": "credit"|"dismiss", "reason"}}: credit adds its
     * credits once, as an agreeing payment would have; dismiss credits nothing. Either way it leaves
     * the flagged list with who resolved it, when and why.
     */
    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resolve(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, ResolveRequest body) {
        UUID purchaseId = Purchase.idOf(id).orElseThrow(() -> CreditsException.notFound("The purchase"));
        Caller caller = callers.current();
        return idempotency.once("platform:" + caller.userId(), key, "POST /platform/purchases/" + id + "/resolve " + Idempotency.json(body),
                () -> Response.ok(PurchaseRow.of(flaggedPurchases.resolve(purchaseId, body.outcome(),
                        body.reason(), Actor.of(caller)))).build());
    }
}
