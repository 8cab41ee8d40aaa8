package org.schoolcredits.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.LowBalanceThresholds;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Remembered;

/**
 * Each school's alert settings; a school that never changed them has the configured default
 * thresholds ({@code credits.low-balance.learner}, {@code credits.low-balance.connect}) and
 * alert e-mails on. It answers the ledger's balance view's question of what is low.
 */
@ApplicationScoped
public class AlertSettingsRepository implements LowBalanceThresholds {

    private final Remembered<String, AlertSettings> remembered = new Remembered<>();
    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;
    private CreditsClock clock;
    private AlertSettings defaults;

    protected AlertSettingsRepository() {
    }

    @Inject
    @ConfigProperties
    AlertsConfig config;

    @Inject
    public AlertSettingsRepository(CreditsClock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void configure() {
        this.defaults = new AlertSettings(Credits.of(config.lowBalanceLearner), Credits.of(config.lowBalanceConnect), true);
    }

    /** Outside the container (tests): on {@code em}. */
    public AlertSettingsRepository(EntityManager em, CreditsClock clock, BigDecimal learner, BigDecimal connect) {
        this(clock);
        this.em = em;
        this.defaults = new AlertSettings(Credits.of(learner), Credits.of(connect), true);
    }

    /**
     * A school's threshold of a credit type, its own or the default, as an SQL expression whose
     * one parameter is the school: for a statement that needs it inline.
     */
    public String thresholdSql(CreditType type) {
        return "coalesce((select " + (type == CreditType.LEARNER ? "learner_threshold" : "connect_threshold")
                + " from alert_settings where school_id = ?), " + defaults.threshold(type).millis() + ")";
    }

    /** Whether the balance has been at or above its threshold: its alert has been armed at least once. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean everReached(String schoolId, CreditType type) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from low_balance_alert where school_id = ?"
                        + " and credit_type = ?)").setParameter(1, schoolId).setParameter(2, type.code())
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertSettings of(String schoolId) {
        SchoolAlertSettings saved = em.find(SchoolAlertSettings.class, schoolId);
        return saved == null ? defaults : saved.settings();
    }

    /**
     * A school's settings as {@link Remembered} at {@code now} (on {@link System#nanoTime()}'s
     * scale): settings saved through this instance count at once, through another instance sharing
     * the database within a second.
     */
    public AlertSettings remembered(String schoolId, long now) {
        return remembered.get(schoolId, now, this::of);
    }

    /**
     * Replaces the school's settings; {@code by} is the admin's user id. One statement, an upsert:
     * two first saves of a school at once cannot both insert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AlertSettings save(String schoolId, AlertSettings settings, String by) {
        em.createNativeQuery("insert into alert_settings (school_id, learner_threshold, connect_threshold, email_alerts,"
                        + " updated_at, updated_by) values (?, ?, ?, ?, ?, ?) on conflict (school_id) do update set"
                        + " learner_threshold = excluded.learner_threshold,"
                        + " connect_threshold = excluded.connect_threshold, email_alerts = excluded.email_alerts,"
                        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, schoolId).setParameter(2, settings.learnerThreshold().millis())
                .setParameter(3, settings.connectThreshold().millis()).setParameter(4, settings.emailAlerts())
                .setParameter(5, clock.now().atOffset(ZoneOffset.UTC)).setParameter(6, by).executeUpdate();
        em.refresh(em.find(SchoolAlertSettings.class, schoolId)); // the transaction's context saw the row before
        remembered.forget(schoolId);
        return settings;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Credits threshold(String schoolId, CreditType type) {
        return of(schoolId).threshold(type);
    }
}
