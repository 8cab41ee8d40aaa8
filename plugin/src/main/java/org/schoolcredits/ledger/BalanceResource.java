package org.schoolcredits.ledger;

import jakarta.inject.Inject;
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
    public BalanceView.Balances get() {
        return balances.of(callers.school());
    }
}
