package org.schoolcredits.allowance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.PlanChanged;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.host.SchoolEnabled;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.storage.Jdbc;

/**
 * Grants Pro schools their monthly allowance: when a school becomes Pro (at once, for the
 * current month), when a Pro school enables the plugin, and at each month start. A grant is a
 * lot with the month as its reference, so each month is granted once; only the current month
 * is ever granted, so months missed while the platform was down are not granted after it.
 * A month's grant at the month start or on becoming Pro is told by {@link AllowanceGranted}, in
 * the grant's transaction (the alerts e-mail the school's admins).
 */
@ApplicationScoped
public class Allowances {

    private Ledger ledger;
    private SchoolDirectory schools;
    private CreditsClock clock;
    private Jdbc db;
    private Credits monthly;
    private Consumer<AllowanceGranted> granted;

    protected Allowances() {
    }

    @Inject
    @ConfigProperties
    AllowanceConfig config;

    @Inject
    public Allowances(Ledger ledger, SchoolDirectory schools, CreditsClock clock, Jdbc db, Event<AllowanceGranted> granted) {
        this(ledger, schools, clock, db, (Consumer<AllowanceGranted>) granted::fire);
    }

    private Allowances(Ledger ledger, SchoolDirectory schools, CreditsClock clock, Jdbc db,
                       Consumer<AllowanceGranted> granted) {
        this.ledger = ledger;
        this.schools = schools;
        this.clock = clock;
        this.db = db;
        this.granted = granted;
    }

    @PostConstruct
    void configure() {
        this.monthly = Credits.of(config.monthly);
    }

    public Allowances(Ledger ledger, SchoolDirectory schools, CreditsClock clock, Jdbc db, long monthly,
                      Consumer<AllowanceGranted> granted) {
        this(ledger, schools, clock, db, granted);
        this.monthly = Credits.of(monthly);
    }

    void planChanged(@Observes @Priority(200) PlanChanged event) {
        if (event.plan() == Plan.PRO && ledger.isEnabled(event.schoolId())) {
            grantAndTell(event.schoolId(), AllowanceMonth.containing(clock.now()));
        }
    }

    void enabled(@Observes @Priority(200) SchoolEnabled event) {
        if (schools.find(event.schoolId()).map(School::plan).orElse(Plan.STANDARD) == Plan.PRO) {
            grant(event.schoolId(), AllowanceMonth.containing(clock.now()));
        }
    }

    /**
     * The month end: writes off what is left of expired allowances, then grants this month's to
     * every enabled Pro school that has none yet. Safe to run on every instance at once.
     */
    @Transactional
    public int monthEnd() {
        ledger.expireLots(1000);
        AllowanceMonth month = AllowanceMonth.containing(clock.now());
        List<String> without = db.list("select school_id from school s where enabled and not exists (select 1"
                + " from lot l where l.school_id = s.school_id and l.credit_type = 'connect' and l.source = 'allowance'"
                + " and l.reference = ?)", rs -> rs.getString(1), month.reference());
        int granted = 0;
        for (String schoolId : without) {
            if (schools.find(schoolId).map(School::plan).orElse(Plan.STANDARD) == Plan.PRO
                    && grantAndTell(schoolId, month)) {
                granted++;
            }
        }
        return granted;
    }

    /** Grants the month's allowance and, when it is new, tells it by {@link AllowanceGranted}. */
    private boolean grantAndTell(String schoolId, AllowanceMonth month) {
        boolean isNew = grant(schoolId, month);
        if (isNew) {
            granted.accept(new AllowanceGranted(schoolId, month.reference(), monthly, month.end()));
        }
        return isNew;
    }

    private boolean grant(String schoolId, AllowanceMonth month) {
        return ledger.grant(new Grant(schoolId, CreditType.CONNECT, LotSource.ALLOWANCE, month.reference(), monthly,
                month.end(), false, Actor.SYSTEM)).isPresent();
    }
}
