package org.example.mis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.schoolcredits.host.SchoolEnabled;

/** The host's first school and users; the school is enabled for School Credits in the same transaction. */
@ApplicationScoped
public class MisSeed {

    @Inject
    MisDb db;

    @Inject
    Event<SchoolEnabled> enabled;

    /** Seeds a database that has no school yet; tells whether it did. */
    @Transactional
    public boolean seedIfEmpty(String password) {
        if (db.update("insert into mis.school (school_id, name, plan) values ('greenfield', 'Greenfield Academy', 'pro')"
                + " on conflict do nothing") == 0) {
            return false;
        }
        user("head@greenfield", "Hana Head", "admin", password);
        user("teacher@greenfield", "Tom Teacher", "teacher", password);
        enabled.fire(new SchoolEnabled("greenfield"));
        return true;
    }

    private void user(String username, String name, String role, String password) {
        db.update("insert into mis.app_user (username, display_name, email, school_id, role, password_hash)"
                + " values (?, ?, ?, 'greenfield', ?, ?)", username, name, username.replace('@', '.') + "@mis.example",
                role, Passwords.hash(password));
    }
}
