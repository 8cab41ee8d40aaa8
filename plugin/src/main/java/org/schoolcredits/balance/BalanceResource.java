package org.schoolcredits.balance;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.InsufficientCreditsProblem;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * The caller's school's balances; for a caller who may not buy, also {@code admins}: the names of
 * the school's admins to ask for a top-up, as a 402 names them.
 */
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    @Inject
    Callers callers;

    @Inject
    BalanceView balances;

    @Inject
    SchoolDirectory schools;

    @GET
    @Requires(Permission.VIEW)
    public JsonObject get() {
        Caller caller = callers.current();
        return BalanceJson.of(balances.of(caller.schoolId()), caller.has(InsufficientCreditsProblem.MAY_BUY) ? null
                : schools.adminNames(caller.schoolId()));
    }
}
