package org.schoolcredits.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** The caller's school's statement: one row per action, newest first, paged like the history. */
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    public record Page(List<StatementRow> items, String nextCursor) {
    }

    @Inject
    Callers callers;

    @Inject
    Statement statement;

    @Inject
    Features features;

    @GET
    @Requires(Permission.MANAGE)
    public Page get(@QueryParam("creditType") CreditType creditType, @QueryParam("from") String from,
                    @QueryParam("to") String to, @QueryParam("limit") String limit,
                    @QueryParam("cursor") String cursor) {
        HistoryQuery query = HistoryResource.query(features, creditType, null, null, from, to, cursor,
                HistoryResource.clampedLimit(limit));
        List<StatementRow> rows = statement.rows(callers.school(), query);
        String next = rows.size() == query.limit() ? rows.get(rows.size() - 1).id() : null;
        return new Page(rows, next);
    }
}
