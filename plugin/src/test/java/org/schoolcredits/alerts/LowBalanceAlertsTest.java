package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Reconciliation;

class LowBalanceAlertsTest {

    static final String SCHOOL = AlertsFixture.SCHOOL;

    AlertsFixture f;

    @BeforeEach
    void setUp() {
        f = new AlertsFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
        Reconciliation.Report report = new Reconciliation(f.db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    List<OutboxEmail> warnings() {
        return f.outbox(AlertEmails.LOW_BALANCE);
    }

    @Test
    @DisplayName("a new school's trial credit below the threshold is not low until the balance has reached it once")
    void trialCreditIsNotLow() {
        f.db.run(() -> f.ledger.grant(new org.schoolcredits.ledger.Grant(SCHOOL, CreditType.LEARNER,
                org.schoolcredits.ledger.LotSource.TRIAL, "trial", Credits.of(1), null, false, Actor.SYSTEM)));
        assertFalse(f.settings.everReached(SCHOOL, CreditType.LEARNER), "1 trial credit, threshold 2");
        f.buy(SCHOOL, CreditType.LEARNER, "5");
        assertTrue(f.settings.everReached(SCHOOL, CreditType.LEARNER));
        assertEquals(List.of(), warnings(), "and no e-mail either way");
    }

    @Test
    @DisplayName("the low-balance e-mail says how long the credits last at the last weeks' rate and suggests a top-up")
    void forecastInTheEmail() {
        f.buy(SCHOOL, CreditType.CONNECT, "100");
        String[][] spent = {{"2026-11-07T09:00:00Z", "30"}, {"2026-11-08T09:00:00Z", "20"},
            {"2026-11-09T09:00:00Z", "20"}, {"2026-11-10T09:00:00Z", "15"}};
        for (String[] day : spent) {
            f.clock.set(java.time.Instant.parse(day[0]));
            var hold = f.db.tx(() -> f.ledger.reserve(SCHOOL, Feature.DVLA_LICENCE_CHECK, 1,
                    Credits.of(new BigDecimal(day[1])), 1, null, f.clock.now().plus(Duration.ofMinutes(15)),
                    Actor.SYSTEM));
            f.db.run(() -> f.ledger.capture(SCHOOL, hold.id()));
        }
        List<OutboxEmail> sent = warnings();
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).email().text().contains("At this rate your Connect credits last about 6 days."
                + " A top-up of 100 credits would see you through the next 30 days."), sent.get(0).email().text());
    }

    @Test
    @DisplayName("50 concurrent SMS holds that cross the threshold write one warning per admin, and delivery sends"
            + " exactly one message per admin")
    void concurrentCrossing() throws Exception {
        f.buy(SCHOOL, CreditType.CONNECT, "30");
        List<Callable<Void>> sms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String reference = "sms-" + i;
            sms.add(() -> {
                f.db.tx(() -> f.ledger.reserve(SCHOOL, Feature.SMS, 1, Credits.of(new BigDecimal("0.6")), 1, reference,
                        f.clock.now().plus(Duration.ofMinutes(15)), Actor.SYSTEM));
                return null;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            for (Future<Void> done : threads.invokeAll(sms)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(Credits.ZERO, f.ledger.balance(SCHOOL, CreditType.CONNECT).available());
        assertEquals(Map.of(AlertsFixture.ADMINS.get(0), 1L, AlertsFixture.ADMINS.get(1), 1L),
                warnings().stream().collect(Collectors.groupingBy(e -> e.email().recipient(), Collectors.counting())));

        GreenMail smtp = f.startSmtp();
        Delivery delivery = f.delivery();
        assertEquals(2, delivery.deliverDue());
        assertEquals(0, delivery.deliverDue());
        f.clock.advance(Duration.ofHours(2));
        assertEquals(0, delivery.deliverDue());
        Map<String, Long> delivered = new java.util.HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            delivered.merge(message.getRecipients(Message.RecipientType.TO)[0].toString(), 1L, Long::sum);
            assertTrue(message.getSubject().startsWith("Low balance: "), message.getSubject());
        }
        assertEquals(Map.of(AlertsFixture.ADMINS.get(0), 1L, AlertsFixture.ADMINS.get(1), 1L), delivered);
        assertTrue(warnings().stream().allMatch(OutboxEmail::sent));
    }

    @Test
    @DisplayName("a balance at the threshold is not low; the first change below it warns once, further falls do not")
    void warnsOncePerCrossing() {
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.spend(SCHOOL, CreditType.CONNECT, "5");
        assertEquals(0, warnings().size(), "20 is not below 20");
        f.spend(SCHOOL, CreditType.CONNECT, "0.6");
        assertEquals(2, warnings().size(), "one per admin");
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        f.spend(SCHOOL, CreditType.CONNECT, "9.4");
        assertEquals(2, warnings().size());
        OutboxEmail warning = warnings().get(0);
        assertEquals("Low balance: 19.4 Connect credits left at Oakwood Primary School", warning.email().subject());
        assertTrue(warning.email().text().contains("Oakwood Primary School has 19.4 Connect credits left, below its"
                + " low-balance level of 20."), warning.email().text());
        assertTrue(warning.email().text().contains(AlertsFixture.PUBLIC_URL + "/settings/credits"));
        assertTrue(warning.email().html().contains("<a href=\"" + AlertsFixture.PUBLIC_URL + "/settings/credits\">"));
    }

    @Test
    @DisplayName("rising to the threshold again re-arms the warning: the next fall below warns again")
    void risingReArms() {
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.spend(SCHOOL, CreditType.CONNECT, "6");
        f.buy(SCHOOL, CreditType.CONNECT, "0.5");
        f.spend(SCHOOL, CreditType.CONNECT, "0.5");
        assertEquals(2, warnings().size(), "19.5 is still below 20: not re-armed");
        f.buy(SCHOOL, CreditType.CONNECT, "1");
        f.spend(SCHOOL, CreditType.CONNECT, "0.6");
        assertEquals(4, warnings().size(), "back to 20, then 19.4: a second warning to each admin");
    }

    @Test
    @DisplayName("a threshold saved above the balance warns at once; saved below it, re-arms at once")
    void thresholdSavedCountsAtOnce() {
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(2), Credits.of(30), true), "admin"));
        assertEquals(2, warnings().size(), "25 is below the new 30");
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(2), Credits.of(10), true), "admin"));
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        assertEquals(2, warnings().size(), "15 is not below 10");
        f.spend(SCHOOL, CreditType.CONNECT, "6");
        assertEquals(4, warnings().size(), "9 is below 10: re-armed when 10 was saved, so it warns again");
        assertEquals(List.of("25", "25", "9", "9"), warnings().stream()
                .map(w -> w.email().subject().replaceAll("Low balance: ([0-9.]+) Connect.*", "$1")).sorted().toList());
    }

    @Test
    @DisplayName("a balance that was never at its threshold warns nobody, like a new school's one trial learner credit")
    void neverArmed() {
        f.buy(SCHOOL, CreditType.LEARNER, "1");
        f.spend(SCHOOL, CreditType.LEARNER, "1");
        assertEquals(0, warnings().size());
        f.buy(SCHOOL, CreditType.LEARNER, "3");
        f.spend(SCHOOL, CreditType.LEARNER, "2");
        assertEquals(2, warnings().size());
        assertTrue(warnings().get(0).email().subject().contains("1 learner credit left"));
    }

    @Test
    @DisplayName("each school's own threshold decides, per credit type; other schools keep the defaults")
    void schoolThresholds() {
        f.school("riverside", "Riverside Academy", List.of("rita@riverside.example.org"));
        f.db.run(() -> f.ledger.provision("riverside"));
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(10), Credits.of(5), true), "admin"));
        assertEquals(Credits.of(5), f.settings.threshold(SCHOOL, CreditType.CONNECT));
        assertEquals(Credits.of(20), f.settings.threshold("riverside", CreditType.CONNECT));
        for (String school : List.of(SCHOOL, "riverside")) {
            f.buy(school, CreditType.CONNECT, "25");
            f.spend(school, CreditType.CONNECT, "19");
        }
        Function<String, Long> warned = school -> warnings().stream().filter(e -> e.schoolId().equals(school)).count();
        assertEquals(0, warned.apply(SCHOOL), "6 is not below oakwood's 5");
        assertEquals(1, warned.apply("riverside"), "6 is below the default 20");
        f.spend(SCHOOL, CreditType.CONNECT, "2");
        assertEquals(2, warned.apply(SCHOOL));
        f.buy(SCHOOL, CreditType.LEARNER, "12");
        f.spend(SCHOOL, CreditType.LEARNER, "3");
        assertEquals(4, warned.apply(SCHOOL), "9 learner credits are below oakwood's 10");
    }

    @Test
    @DisplayName("with alert e-mails off a fall below still disarms but writes no e-mail; back on, the next crossing"
            + " warns")
    void emailAlertsOff() {
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(2), Credits.of(20), false), "admin"));
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.spend(SCHOOL, CreditType.CONNECT, "6");
        assertEquals(0, warnings().size());
        f.db.run(() -> f.alerts.save(SCHOOL, new AlertSettings(Credits.of(2), Credits.of(20), true), "admin"));
        f.spend(SCHOOL, CreditType.CONNECT, "1");
        assertEquals(0, warnings().size(), "the crossing happened while they were off");
        f.buy(SCHOOL, CreditType.CONNECT, "10");
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        assertEquals(2, warnings().size());
    }

    @Test
    @DisplayName("the HTML part escapes markup in the school's name; the text part keeps it as typed")
    void escapesSchoolName() {
        String name = "<script>alert('x')</script> & \"Oak\" <b>Academy</b>";
        f.school(SCHOOL, name, AlertsFixture.ADMINS);
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        Email email = warnings().get(0).email();
        assertFalse(email.html().contains("<script>"), email.html());
        assertFalse(email.html().contains("<b>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Oak&quot;"
                + " &lt;b&gt;Academy&lt;/b&gt;"), email.html());
        assertTrue(email.text().contains(name));
    }

    @Test
    @DisplayName("a warning written in a transaction that rolls back is gone with it")
    void rolledBack() {
        f.buy(SCHOOL, CreditType.CONNECT, "25");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> f.db.run(() -> {
            f.ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-10), "spent", Actor.SYSTEM);
            throw new IllegalStateException("the host's action failed");
        }));
        assertEquals(0, warnings().size());
        f.spend(SCHOOL, CreditType.CONNECT, "10");
        assertEquals(2, warnings().size(), "still armed: the rolled-back crossing never happened");
    }
}
