package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The demo data of CONTRACT.md, written once on a new database. */
@ApplicationScoped
public class DemoSeed {

    @Inject
    DemoDb db;

    @Inject
    DemoSchoolAdmin schools;

    /** Seeds the demo schools, users and plugin enablement; false when the database had them. */
    @Transactional
    public boolean seedIfNew() {
        int created = db.update("insert into demo.school (school_id, name, plan) values"
                + " ('oakwood', 'Oakwood Primary School', 'standard'), ('riverside', 'Riverside Academy', 'pro')"
                + " on conflict do nothing");
        if (created == 0) {
            return false;
        }
        db.update("insert into demo.app_user (user_id, school_id, display_name, email, role) values"
                + " ('admin@oakwood', 'oakwood', 'Olivia Oak', 'admin@oakwood.example.org', 'school-admin'),"
                + " ('staff@oakwood', 'oakwood', 'Sam Oak', 'staff@oakwood.example.org', 'staff'),"
                + " ('admin@riverside', 'riverside', 'Rita River', 'admin@riverside.example.org', 'school-admin'),"
                + " ('staff@riverside', 'riverside', 'Ravi River', 'staff@riverside.example.org', 'staff'),"
                + " ('finance@platform', null, 'Fiona Finance', 'finance@platform.example.org', 'platform-finance')");
        schools.enable("oakwood");
        schools.enable("riverside");
        return true;
    }
}
