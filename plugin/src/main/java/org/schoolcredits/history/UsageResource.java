package org.schoolcredits.history;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Spending;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * What the caller's school spent per feature per day, days of the school's own time zone on the
 * host's clock: {@code from} and {@code to} are dates, both included, or {@code days} the number of
 * days up to today (the last 30 days by default, {@value #MAX_DAYS} at most).
 */
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    static final int MAX_DAYS = 366;

    public record Day(LocalDate day, String feature, String creditType, BigDecimal credits) {
    }

    public record Usage(String timeZone, LocalDate from, LocalDate to, List<Day> days) {
    }

    @Inject
    Callers callers;

    @Inject
    Spending spending;

    @Inject
    CreditsClock clock;

    @Inject
    Instance<SchoolDirectory> schools;

    @GET
    @Requires(Permission.MANAGE)
    public Usage get(@QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("days") String days, @QueryParam("creditType") CreditType type) {
        String school = callers.school();
        ZoneId zone = schools.isResolvable() ? schools.get().find(school).map(School::timeZone)
                .orElse(ZoneId.of("Europe/London")) : ZoneId.of("Europe/London");
        LocalDate last = date("to", to, clock.now().atZone(zone).toLocalDate());
        LocalDate first = date("from", from, last.minusDays(count(days) - 1L));
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw parameter("from", "'from' must be on or before 'to', and at most " + MAX_DAYS + " days before it");
        }
        return new Usage(zone.getId(), first, last, spending.perDay(school, zone, first, last, type).stream()
                .map(d -> new Day(d.day(), d.feature(), d.creditType().code(), d.credits().toDecimal())).toList());
    }

    private static int count(String days) {
        if (days == null || days.isBlank()) {
            return 30;
        }
        try {
            int count = Integer.parseInt(days.trim());
            if (count >= 1 && count <= MAX_DAYS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw parameter("days", "'days' must be a whole number from 1 to " + MAX_DAYS);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw parameter(name, "'" + name + "' must be a date such as 2026-11-24");
        }
    }

    private static CreditsException parameter(String name, String detail) {
        return new CreditsException(ProblemCode.INVALID_PARAMETER, detail, Map.of("parameter", name));
    }
}
