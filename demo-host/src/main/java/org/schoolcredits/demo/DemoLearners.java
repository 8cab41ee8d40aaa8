package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.LearnerCredits;
import org.schoolcredits.host.LearnerDeleted;
import org.schoolcredits.host.LearnerRegistering;

/**
 * The demo MIS's learners. Registering one inserts it and fires {@link LearnerRegistering} in one
 * transaction, so that the plugin's veto rolls the learner back; deleting one fires
 * {@link LearnerDeleted} in the deleting transaction.
 */
@ApplicationScoped
public class DemoLearners {

    public record Learner(long id, String name, String upn) {
    }

    public record Registered(long id, String message) {
    }

    @Inject
    DemoDb db;

    @Inject
    Event<LearnerRegistering> registering;

    @Inject
    Event<LearnerDeleted> deleted;

    @Inject
    LearnerCredits credits;

    @Transactional
    public Registered register(Caller by, String name, String upn) {
        long id = db.one("insert into demo.learner (school_id, name, upn) values (?, ?, ?) on conflict do nothing"
                        + " returning learner_id", rs -> rs.getLong(1), by.schoolId(), name, upn)
                .orElseThrow(() -> new DemoProblems.Refusal(409, "learner_already_registered",
                        "A learner with this UPN is already registered"));
        registering.fire(new LearnerRegistering(by.schoolId(), upn, by));
        return new Registered(id, credits.registration(by.schoolId(), upn).message());
    }

    public List<Learner> of(String schoolId) {
        return db.list("select learner_id, name, upn from demo.learner where school_id = ? order by learner_id",
                rs -> new Learner(rs.getLong(1), rs.getString(2), rs.getString(3)), schoolId);
    }

    @Transactional
    public void delete(String schoolId, long id) {
        String upn = db.one("delete from demo.learner where school_id = ? and learner_id = ? returning upn",
                        rs -> rs.getString(1), schoolId, id)
                .orElseThrow(() -> new DemoProblems.Refusal(404, "not_found", "No such learner"));
        deleted.fire(new LearnerDeleted(schoolId, upn));
    }
}
