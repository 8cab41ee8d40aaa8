package org.schoolcredits.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/** The caller's school's credit history, as JSON pages or as CSV. */
public class HistoryResource {

    public static final int MAX_LIMIT = 200;
    static final int CSV_PAGE = 1000;

    public record Page(List<HistoryRow> items, String nextCursor) {
    }

    @Inject
    Callers callers;

    @Inject
    History history;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.MANAGE)
    public Page json(@QueryParam("creditType") CreditType creditType, @QueryParam("feature") String feature,
                     @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        HistoryQuery query = query(history.features(), creditType, feature, status, from, to, cursor, clampedLimit(limit));
        List<HistoryRow> rows = history.rows(callers.school(), query);
        String next = rows.size() == query.limit() ? rows.get(rows.size() - 1).id() : null;
        return new Page(rows, next);
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @Requires(Permission.MANAGE)
    public Response csv(@QueryParam("creditType") CreditType creditType, @QueryParam("feature") String feature,
                        @QueryParam("status") String status, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("limit") String limit,
                        @QueryParam("cursor") String cursor) {
        String school = callers.school();
        HistoryQuery first = query(history.features(), creditType, feature, status, from, to, cursor, CSV_PAGE);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(Csv.HEADER);
            HistoryQuery page = first;
            while (true) {
                List<HistoryRow> rows = history.rows(school, page);
                for (HistoryRow row : rows) {
                    writer.write(Csv.line(row));
                }
                if (rows.size() < page.limit()) {
                    break;
                }
                page = new HistoryQuery(page.creditType(), page.feature(), page.status(), page.from(), page.to(),
                        Long.parseLong(rows.get(rows.size() - 1).id()), CSV_PAGE);
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"credit-history.csv\"").build();
    }

    static int clampedLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limit.trim())));
        } catch (NumberFormatException e) {
            throw parameter("limit", "'limit' must be a whole number");
        }
    }

    static HistoryQuery query(Features features, CreditType creditType, String feature, String status, String from,
                              String to, String cursor, int limit) {
        return new HistoryQuery(creditType == null ? null : creditType.code(),
                oneOf("feature", feature, features.all().stream().map(Feature::code).collect(Collectors.toSet())),
                oneOf("status", status, Set.of("success", "failed", "refunded", "pending")),
                time("from", from), time("to", to), cursor(cursor), limit);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw parameter(name, "'" + name + "' must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value)
                    .atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw parameter(name, "'" + name + "' must be a date (2026-11-24) or an ISO-8601 time with an offset");
        }
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw parameter("cursor", "'cursor' is not one this API gave out");
        }
    }

    private static CreditsException parameter(String name, String detail) {
        return new CreditsException(ProblemCode.INVALID_PARAMETER, detail, Map.of("parameter", name));
    }
}
