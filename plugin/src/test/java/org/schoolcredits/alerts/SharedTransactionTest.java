package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;

/** JPA (the alert settings) and the ledger's SQL in one transaction, on one connection. */
class SharedTransactionTest {

    static final AlertSettings MINE = new AlertSettings(Credits.of(1), Credits.of(70), false);

    AlertsFixture f;

    @BeforeEach
    void setUp() {
        f = new AlertsFixture();
        f.buy(AlertsFixture.SCHOOL, CreditType.CONNECT, "100");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    @DisplayName("a JPA write and a ledger write in one transaction roll back together")
    void rollBackTogether() {
        assertThrows(IllegalStateException.class, () -> f.db.run(() -> {
            f.settings.save(AlertsFixture.SCHOOL, MINE, "admin");
            f.ledger.adjust(AlertsFixture.SCHOOL, CreditType.CONNECT, Credits.of(-40), "spent", Actor.SYSTEM);
            throw new IllegalStateException("the use case fails after both writes");
        }));
        assertEquals(Credits.of(20), f.settings.of(AlertsFixture.SCHOOL).connectThreshold());
        assertEquals(Credits.of(100), f.ledger.balance(AlertsFixture.SCHOOL, CreditType.CONNECT).available());
        assertEquals(0, f.count("select count(*) from alert_settings"));
    }

    @Test
    @DisplayName("a JPA write and a ledger write in one transaction commit together, each seeing the other's"
            + " uncommitted row")
    void commitTogether() {
        f.db.run(() -> {
            f.ledger.adjust(AlertsFixture.SCHOOL, CreditType.CONNECT, Credits.of(-40), "spent", Actor.SYSTEM);
            f.settings.save(AlertsFixture.SCHOOL, MINE, "admin");
            assertEquals(MINE, f.settings.of(AlertsFixture.SCHOOL));
            assertEquals(1L, ((Number) f.db.entityManager().createNativeQuery("select count(*) from entry where kind"
                    + " = 'adjustment' and amount < 0").getSingleResult()).longValue());
            assertEquals(1, f.count("select count(*) from alert_settings"));
        });
        assertEquals(MINE, f.settings.of(AlertsFixture.SCHOOL));
        assertEquals(Credits.of(60), f.ledger.balance(AlertsFixture.SCHOOL, CreditType.CONNECT).available());
    }
}
