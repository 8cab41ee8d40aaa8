package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.storage.Remembered;

class EnabledSchoolsTest {

    final TestDatabase db = TestDatabase.create();
    final Ledger ledger = new Ledger(db.jdbc(), new TestClock(Instant.parse("2026-11-10T09:00:00Z")),
            "http://localhost:8080");
    final EnabledSchools schools = new EnabledSchools(ledger);

    @Test
    @DisplayName("a school disabled by another instance is served for at most a second; one never enabled is not")
    void disabledElsewhereStopsWithinASecond() {
        db.run(() -> ledger.provision("oakwood"));
        long start = 1_000;
        assertTrue(schools.isEnabled("oakwood", start));
        db.run(() -> ledger.disable("oakwood"));
        assertTrue(schools.isEnabled("oakwood", start + Remembered.FOR - 1), "remembered");
        assertFalse(schools.isEnabled("oakwood", start + Remembered.FOR));
        assertFalse(schools.isEnabled("riverside", start));
    }

    @Test
    @DisplayName("a school disabled through this instance is not served from then on, nor an enabled one forgotten")
    void disabledHereStopsAtOnce() {
        db.run(() -> ledger.provision("oakwood"));
        assertTrue(schools.isEnabled("oakwood", 0));
        db.run(() -> ledger.disable("oakwood"));
        schools.disabled(new SchoolDisabled("oakwood"));
        assertFalse(schools.isEnabled("oakwood", 1));
        db.run(() -> ledger.provision("oakwood"));
        assertTrue(schools.isEnabled("oakwood", 2), "enabled again: served at once");
    }
}
