package org.schoolcredits.balance;

import org.schoolcredits.ledger.Balance;
import org.schoolcredits.ledger.Forecast;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LowBalanceThresholds;
import org.schoolcredits.ledger.Spending;
import org.schoolcredits.ledger.TopUps;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.time.ZoneOffset;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.storage.Jdbc;

/**
 * A school's balances as the API shows them, with this month's allowance and the low-balance
 * state against the school's own thresholds.
 */
@ApplicationScoped
public class BalanceView {

    public record Learner(BigDecimal available, BigDecimal pending, boolean lowBalance, Forecast forecast) {
    }

    public record Allowance(BigDecimal remaining, OffsetDateTime expiresAt) {
    }

    public record Connect(BigDecimal available, BigDecimal held, BigDecimal pending, Allowance allowance,
                          boolean lowBalance, BigDecimal lowBalanceThreshold, Forecast forecast) {
    }

    public record Balances(Learner learner, Connect connect) {
    }

    @Inject
    Ledger ledger;

    @Inject
    Jdbc db;

    @Inject
    CreditsClock clock;

    @Inject
    LowBalanceThresholds thresholds;

    @Inject
    Spending spending;

    @Inject
    Instance<TopUps> topUps;

    @Inject
    Instance<SchoolDirectory> schools;

    public Balances of(String schoolId) {
        Balance learner = ledger.balance(schoolId, CreditType.LEARNER);
        Balance connect = ledger.balance(schoolId, CreditType.CONNECT);
        Allowance allowance = db.one("select remaining, expires_at from lot where school_id = ? and credit_type ="
                        + " 'connect' and source = 'allowance' and state = 'available' and expires_at > ?"
                        + " order by expires_at limit 1",
                rs -> new Allowance(new Credits(rs.getLong(1)).toDecimal(),
                        Jdbc.instant(rs, "expires_at").atOffset(ZoneOffset.UTC)), schoolId, clock.now()).orElse(null);
        ZoneId zone = zone(schoolId);
        Instant now = clock.now();
        Credits learnerThreshold = thresholds.threshold(schoolId, CreditType.LEARNER);
        Credits connectThreshold = thresholds.threshold(schoolId, CreditType.CONNECT);
        return new Balances(
                new Learner(learner.available().toDecimal(), learner.pending().toDecimal(),
                        low(schoolId, CreditType.LEARNER, learner.available(), learnerThreshold),
                        forecast(schoolId, CreditType.LEARNER, learner.available(), zone, now)),
                new Connect(connect.available().toDecimal(), connect.held().toDecimal(),
                        connect.pending().toDecimal(), allowance,
                        low(schoolId, CreditType.CONNECT, connect.available(), connectThreshold),
                        connectThreshold.toDecimal(),
                        forecast(schoolId, CreditType.CONNECT, connect.available(), zone, now)));
    }

    /**
     * Low when below the threshold, once the balance has been at or above it: a new school's one
     * trial credit is not "running low" (the low-balance e-mail decides the same way).
     */
    private boolean low(String schoolId, CreditType type, Credits available, Credits threshold) {
        return available.compareTo(threshold) < 0 && thresholds.everReached(schoolId, type);
    }

    private Forecast forecast(String schoolId, CreditType type, Credits available, ZoneId zone, Instant now) {
        List<Forecast.TopUp> packages = topUps.isResolvable() ? topUps.get().of(type) : List.of();
        return spending.forecast(schoolId, type, available, zone, now, packages).orElse(null);
    }

    /** The school's time zone from the host's directory; Europe/London where the host does not say. */
    private ZoneId zone(String schoolId) {
        return schools.isResolvable() ? schools.get().find(schoolId).map(School::timeZone).orElse(LONDON) : LONDON;
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
}
