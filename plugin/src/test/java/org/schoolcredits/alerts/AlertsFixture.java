package org.schoolcredits.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.ledger.Forecast;
import org.schoolcredits.ledger.Spending;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;

/**
 * The alerts capability wired by hand on a fresh database, the way CDI wires it: the ledger tells
 * {@link LowBalanceAlerts} of every balance change inside its transaction. An SMTP server
 * (GreenMail) on a port of its own can be started and stopped.
 */
final class AlertsFixture implements AutoCloseable {

    static final String SCHOOL = "oakwood";
    static final List<String> ADMINS = List.of("head@oakwood.example.org", "bursar@oakwood.example.org");
    static final String PUBLIC_URL = "http://mis.example.org";

    final TestDatabase db = TestDatabase.create();
    final TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
    final Map<String, School> schools = new ConcurrentHashMap<>();
    final AlertSettingsRepository settings;
    final Outbox outbox;
    final Ledger ledger;
    final AlertEmails emails;
    final LowBalanceAlerts alerts;
    final int smtpPort = freePort();
    private GreenMail greenMail;

    AlertsFixture() {
        school(SCHOOL, "Oakwood Primary School", ADMINS);
        SchoolDirectory directory = new SchoolDirectory() {
            @Override
            public Optional<School> find(String id) {
                return Optional.ofNullable(schools.get(id));
            }

            @Override
            public List<School> all() {
                return List.copyOf(schools.values());
            }
        };
        settings = new AlertSettingsRepository(db.entityManager(), clock, new BigDecimal("2"), new BigDecimal("20"));
        outbox = new Outbox(db.entityManager(), clock);
        LowBalanceAlerts[] observer = new LowBalanceAlerts[1];
        ledger = new Ledger(db.jdbc(), clock, PUBLIC_URL, change -> observer[0].balanceChanged(change));
        emails = new AlertEmails(outbox, directory, ledger, settings, new Spending(db.jdbc()),
                type -> type == CreditType.CONNECT ? List.of(new Forecast.TopUp("connect-small", Credits.of(50)),
                        new Forecast.TopUp("connect-medium", Credits.of(100))) : List.of(), clock);
        alerts = new LowBalanceAlerts(db.jdbc(), settings, emails, ledger);
        observer[0] = alerts;
        db.run(() -> ledger.provision(SCHOOL));
    }

    void school(String id, String name, List<String> admins) {
        schools.put(id, new School(id, name, Plan.STANDARD, ZoneId.of("Europe/London"), admins));
    }

    Smtp smtp() {
        return new Smtp(Optional.of("127.0.0.1"), smtpPort, "School Credits <credits@mis.example.org>",
                Optional.empty(), Optional.empty());
    }

    Delivery delivery() {
        return new Delivery(outbox, smtp(), clock);
    }

    GreenMail startSmtp() {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    void buy(String school, CreditType type, String credits) {
        db.run(() -> ledger.grant(new Grant(school, type, LotSource.ADJUSTMENT, "adjustment:" + UUID.randomUUID(),
                Credits.of(new BigDecimal(credits)), null, false, Actor.SYSTEM)));
    }

    void spend(String school, CreditType type, String credits) {
        db.run(() -> ledger.adjust(school, type, Credits.of(new BigDecimal(credits)).negate(), "spent", Actor.SYSTEM));
    }

    List<OutboxEmail> outbox(String kind) {
        return outbox.recent(null, 1000).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    long count(String sql, Object... args) {
        return db.jdbc().one(sql, rs -> rs.getLong(1), args).orElseThrow();
    }

    @Override
    public void close() {
        stopSmtp();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
