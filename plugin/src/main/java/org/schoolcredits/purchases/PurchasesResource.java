package org.schoolcredits.purchases;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.schoolcredits.host.Caller;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.RateLimited;
import org.schoolcredits.rest.Requires;

/** A school buys a credit package and follows its payment. */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PurchasesResource {

    @Inject
    Callers callers;

    @Inject
    Purchases purchases;

    @Inject
    Idempotency idempotency;

    @POST
    @Requires(Permission.MANAGE)
    @RateLimited("purchases")
    public Response create(PurchaseRequest body, @HeaderParam("Idempotency-Key") String key) {
        String packageId = body.packageId();
        String method = body.method();
        Caller caller = callers.current();
        // in steps: no transaction is open while the purchase's checkout is opened at Stripe
        return idempotency.onceInSteps(caller.schoolId(), key, "POST /purchases " + Idempotency.json(body), () -> {
            Purchase purchase = purchases.create(caller, packageId, method);
            return Response.status(Response.Status.CREATED)
                    .entity(PurchaseView.of(purchase, purchases.instructions(purchase))).build();
        });
    }

    /** The school's latest purchases, newest first (50 at most), so a page can show them after a reload. */
    @GET
    @Requires(Permission.MANAGE)
    public List<PurchaseView> list() {
        return purchases.recent(callers.school()).stream()
                .map(p -> PurchaseView.of(p, purchases.instructions(p))).toList();
    }

    @GET
    @Path("{id}")
    @Requires(Permission.MANAGE)
    public PurchaseView get(@PathParam("id") String id) {
        Purchase purchase = Purchase.idOf(id).flatMap(uuid -> purchases.find(callers.school(), uuid))
                .orElseThrow(() -> CreditsException.notFound("The purchase"));
        return PurchaseView.of(purchase, purchases.instructions(purchase));
    }
}
