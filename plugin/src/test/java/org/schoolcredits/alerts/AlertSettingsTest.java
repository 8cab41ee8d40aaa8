package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Requests;
import org.schoolcredits.storage.Remembered;

class AlertSettingsTest {

    AlertsFixture f;

    @BeforeEach
    void setUp() {
        f = new AlertsFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    static AlertSettings parse(String json) {
        return Requests.read(SettingsRequest.class, json).settings();
    }

    static void refused(ProblemCode code, String field, String json) {
        CreditsException e = assertThrows(CreditsException.class, () -> parse(json), json);
        assertEquals(code, e.code(), json);
        assertEquals(field, e.extensions().get("field"), json);
    }

    @Test
    @DisplayName("settings are read whole: both thresholds with up to 3 decimals from 0, and the e-mail switch")
    void parsesSettings() {
        assertEquals(new AlertSettings(new Credits(2_500), Credits.ZERO, false),
                parse("{\"lowBalanceThreshold\":{\"learner\":2.5,\"connect\":0},\"emailAlerts\":false}"));
        assertEquals(new AlertSettings(Credits.of(5), new Credits(19_999), true),
                parse("{\"emailAlerts\":true,\"lowBalanceThreshold\":{\"connect\":19.999,\"learner\":5}}"));
    }

    @Test
    @DisplayName("bad settings are refused with the offending field named")
    void refusesBadSettings() {
        String ok = "\"emailAlerts\":true";
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.learner",
                "{\"lowBalanceThreshold\":{\"learner\":-1,\"connect\":20}," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.connect",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":0.0001}," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.connect",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":\"20\"}," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.connect",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":1000001}," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold.connect",
                "{\"lowBalanceThreshold\":{\"learner\":1}," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold", "{\"lowBalanceThreshold\":20," + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "lowBalanceThreshold", "{" + ok + "}");
        refused(ProblemCode.INVALID_FIELD, "emailAlerts",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":2},\"emailAlerts\":\"yes\"}");
        refused(ProblemCode.INVALID_FIELD, "emailAlerts", "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":2}}");
        refused(ProblemCode.UNKNOWN_FIELD, "threshold",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":2}," + ok + ",\"threshold\":3}");
        refused(ProblemCode.UNKNOWN_FIELD, "lowBalanceThreshold.sms",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":2,\"sms\":1}," + ok + "}");
    }

    @Test
    @DisplayName("a school without settings has the configured defaults; saved ones replace them for that school only")
    void savedSettings() {
        assertEquals(new AlertSettings(Credits.of(2), Credits.of(20), true), f.settings.of("oakwood"));
        AlertSettings mine = new AlertSettings(new Credits(500), Credits.of(50), false);
        f.db.run(() -> f.alerts.save("oakwood", mine, "admin@oakwood"));
        assertEquals(mine, f.settings.of("oakwood"));
        assertEquals(Credits.of(50), f.settings.threshold("oakwood", CreditType.CONNECT));
        assertEquals(new AlertSettings(Credits.of(2), Credits.of(20), true), f.settings.of("riverside"));
        assertEquals("admin@oakwood", f.db.jdbc().one("select updated_by from alert_settings", rs -> rs.getString(1))
                .orElseThrow());
    }

    @Test
    @DisplayName("settings are remembered for a second: saved through this instance they count at once, saved"
            + " through another within that second")
    void rememberedForASecond() {
        long start = 1_000_000_000L;
        assertEquals(Credits.of(20), f.settings.remembered("oakwood", start).connectThreshold());
        f.db.run(() -> f.alerts.save("oakwood", new AlertSettings(Credits.of(2), Credits.of(30), true), "admin"));
        assertEquals(Credits.of(30), f.settings.remembered("oakwood", start + 1).connectThreshold());
        // another instance sharing the database saves 40
        f.db.jdbc().update("update alert_settings set connect_threshold = 40000 where school_id = 'oakwood'");
        assertEquals(Credits.of(30), f.settings.remembered("oakwood", start + Remembered.FOR)
                .connectThreshold());
        assertEquals(Credits.of(40), f.settings.remembered("oakwood", start + 1 + Remembered.FOR)
                .connectThreshold());
    }

    @Test
    @DisplayName("the API shows the thresholds as decimals of credits, per credit type")
    void view() {
        AlertSettings.View shown = new AlertSettings(new Credits(2_500), Credits.of(20), true).view();
        assertEquals(new BigDecimal("2.5"), shown.lowBalanceThreshold().learner());
        assertEquals(new BigDecimal("20"), shown.lowBalanceThreshold().connect());
        assertEquals(true, shown.emailAlerts());
    }
}
