package org.schoolcredits.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.storage.Jdbc;

/**
 * A school's balances as the API shows them, with this month's allowance and the low-balance
 * state against the school's own thresholds.
 */
@ApplicationScoped
public class BalanceView {

    public record Learner(BigDecimal available, BigDecimal pending, boolean lowBalance) {
    }

    public record Allowance(BigDecimal remaining, OffsetDateTime expiresAt) {
    }

    public record Connect(BigDecimal available, BigDecimal held, BigDecimal pending, Allowance allowance,
                          boolean lowBalance, BigDecimal lowBalanceThreshold) {
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

    public Balances of(String schoolId) {
        Balance learner = ledger.balance(schoolId, CreditType.LEARNER);
        Balance connect = ledger.balance(schoolId, CreditType.CONNECT);
        Allowance allowance = db.one("select remaining, expires_at from lot where school_id = ? and credit_type ="
                        + " 'connect' and source = 'allowance' and state = 'available' and expires_at > ?"
                        + " order by expires_at limit 1",
                rs -> new Allowance(new Credits(rs.getLong(1)).toDecimal(),
                        Jdbc.instant(rs, "expires_at").atOffset(ZoneOffset.UTC)), schoolId, clock.now()).orElse(null);
        Credits learnerThreshold = thresholds.threshold(schoolId, CreditType.LEARNER);
        Credits connectThreshold = thresholds.threshold(schoolId, CreditType.CONNECT);
        return new Balances(
                new Learner(learner.available().toDecimal(), learner.pending().toDecimal(),
                        learner.available().compareTo(learnerThreshold) < 0),
                new Connect(connect.available().toDecimal(), connect.held().toDecimal(),
                        connect.pending().toDecimal(), allowance,
                        connect.available().compareTo(connectThreshold) < 0, connectThreshold.toDecimal()));
    }
}
