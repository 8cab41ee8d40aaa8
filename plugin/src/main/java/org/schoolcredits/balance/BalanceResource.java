package org.schoolcredits.balance;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** The caller's school's balances. */
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    @Inject
    Callers callers;

    @Inject
    BalanceView balances;

    @GET
    @Requires(Permission.VIEW)
    public JsonObject get() {
        return BalanceJson.of(balances.of(callers.school()));
    }
}
