package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.PlanChanged;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.host.SchoolEnabled;

/** What the MIS's platform staff do to a school, with the host events the plugin observes. */
@ApplicationScoped
public class DemoSchoolAdmin {

    @Inject
    DemoDb db;

    @Inject
    Event<SchoolEnabled> enabled;

    @Inject
    Event<SchoolDisabled> disabled;

    @Inject
    Event<PlanChanged> planChanged;

    @Transactional
    public void enable(String schoolId) {
        requireSchool(db.update("update demo.school set enabled = true where school_id = ?", schoolId));
        enabled.fire(new SchoolEnabled(schoolId));
    }

    @Transactional
    public void disable(String schoolId) {
        requireSchool(db.update("update demo.school set enabled = false where school_id = ?", schoolId));
        disabled.fire(new SchoolDisabled(schoolId));
    }

    @Transactional
    public void changePlan(String schoolId, Plan plan) {
        requireSchool(db.update("update demo.school set plan = ? where school_id = ?",
                plan.name().toLowerCase(java.util.Locale.ROOT), schoolId));
        planChanged.fire(new PlanChanged(schoolId, plan));
    }

    private static void requireSchool(int updated) {
        if (updated == 0) {
            throw new DemoProblems.Refusal(404, "not_found", "No such school");
        }
    }
}
