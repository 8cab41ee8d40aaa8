package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.storage.Jdbc;

/**
 * What a school spent, per feature per day of its own time zone: captured usages and redeemed
 * learner credits only (a refunded or still-held usage counts for nothing). One SQL aggregate, so
 * a chart or a forecast never pages through the history.
 */
@ApplicationScoped
public class Spending {

    /** Credits spent on one feature on one day. */
    public record Day(LocalDate day, String feature, CreditType creditType, Credits credits) {
    }

    static final String SPENT = "from entry e left join hold h on h.school_id = e.school_id and h.hold_id = e.hold_id"
            + " where e.school_id = ? and e.at >= ? and e.at < ?"
            + " and ((e.kind = 'usage' and h.state = 'captured') or (e.kind = 'redemption' and e.status = 'success'))";

    @Inject
    Jdbc db;

    protected Spending() {
    }

    public Spending(Jdbc db) {
        this.db = db;
    }

    /** The spending from the start of {@code from} to the end of {@code to} (days in {@code zone}), oldest first. */
    public List<Day> perDay(String schoolId, ZoneId zone, LocalDate from, LocalDate to, CreditType type) {
        StringBuilder sql = new StringBuilder("select (e.at at time zone ?::text)::date as day, e.feature,"
                + " min(e.credit_type) as credit_type, -sum(e.amount) as spent " + SPENT);
        List<Object> args = new ArrayList<>(List.of(zone.getId(), schoolId, start(from, zone),
                start(to.plusDays(1), zone)));
        if (type != null) {
            sql.append(" and e.credit_type = ?");
            args.add(type.code());
        }
        sql.append(" group by 1, 2 order by 1, 2");
        return db.list(sql.toString(), rs -> new Day(rs.getObject("day", LocalDate.class), rs.getString("feature"),
                CreditType.ofCode(rs.getString("credit_type")), new Credits(rs.getLong("spent"))), args.toArray());
    }

    /** The forecast for a balance from the last {@value Forecast#WINDOW_DAYS} days up to {@code now}. */
    public java.util.Optional<Forecast> forecast(String schoolId, CreditType type, Credits available, ZoneId zone,
                                                 Instant now, List<Forecast.TopUp> topUps) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Day> days = perDay(schoolId, zone, today.minusDays(Forecast.WINDOW_DAYS - 1L), today, type);
        long spent = days.stream().mapToLong(d -> d.credits().millis()).sum();
        int spendingDays = (int) days.stream().map(Day::day).distinct().count();
        return Forecast.of(new Credits(spent), spendingDays, available, topUps);
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
