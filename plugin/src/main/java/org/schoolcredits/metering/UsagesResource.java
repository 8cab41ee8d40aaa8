package org.schoolcredits.metering;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** The metering API over REST, for a host that runs the plugin in another process. */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsagesResource {

    public record UsageView(String id, String status, BigDecimal amount, OffsetDateTime expiresAt) {
    }

    @Inject
    Callers callers;

    @Inject
    MeteringService metering;

    @Inject
    Idempotency idempotency;

    @Inject
    BatchUsages batches;

    @POST
    @Requires(Permission.USE)
    public Response reserve(@HeaderParam("Idempotency-Key") String key, UsageRequest body) {
        Feature feature = metering.features().require("feature", body.feature());
        long quantity = body.quantity();
        String reference = body.reference();
        boolean capture = body.captures();
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "POST /usages " + Idempotency.json(body), () -> {
            if (capture) {
                Metering.Reservation charged = metering.charge(caller, feature, quantity, reference);
                return Response.status(201).entity(new UsageView(charged.id(), "captured", charged.amount(), null))
                        .build();
            }
            Metering.Reservation held = metering.reserve(caller, feature, quantity, reference);
            return Response.status(201).entity(new UsageView(held.id(), "held", held.amount(), held.expiresAt()))
                    .build();
        });
    }

    /** Many usages in one request and one transaction: all or none ({@code atomic}), or each on its own. */
    @POST
    @Path("batch")
    @Requires(Permission.USE)
    public Response batch(@HeaderParam("Idempotency-Key") String key, UsageBatchRequest body) {
        UsageBatch batch = UsageBatch.of(body, metering.features());
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "POST /usages/batch " + Idempotency.json(body),
                () -> Response.status(201).entity(batches.charge(caller, batch)).build());
    }

    @POST
    @Path("{id}/capture")
    @Requires(Permission.USE)
    public Response capture(@HeaderParam("Idempotency-Key") String key, @PathParam("id") String id) {
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "POST /usages/" + id + "/capture", () -> {
            metering.capture(caller.schoolId(), id);
            return Response.ok(Map.of("status", "success")).build();
        });
    }

    @POST
    @Path("{id}/release")
    @Requires(Permission.USE)
    public Response release(@HeaderParam("Idempotency-Key") String key, @PathParam("id") String id) {
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "POST /usages/" + id + "/release", () -> {
            metering.release(caller, id);
            return Response.ok(Map.of("status", "refunded")).build();
        });
    }
}
