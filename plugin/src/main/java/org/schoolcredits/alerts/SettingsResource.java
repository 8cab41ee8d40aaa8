package org.schoolcredits.alerts;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.schoolcredits.host.Caller;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * A school admin's low-balance settings:
 * {@code {"lowBalanceThreshold":{"learner":2,"connect":20},"emailAlerts":true}}. PUT replaces them
 * all and answers the settings.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.MANAGE)
public class SettingsResource {

    @Inject
    Callers callers;

    @Inject
    AlertSettingsRepository settings;

    @Inject
    LowBalanceAlerts alerts;

    @Inject
    Idempotency idempotency;

    @GET
    public AlertSettings.View get() {
        return settings.of(callers.school()).view();
    }

    @PUT
    public Response put(@HeaderParam("Idempotency-Key") String key, SettingsRequest body) {
        AlertSettings changed = body.settings();
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "PUT /settings " + Idempotency.json(body),
                () -> Response.ok(alerts.save(caller.schoolId(), changed, caller.userId()).view()).build());
    }
}
