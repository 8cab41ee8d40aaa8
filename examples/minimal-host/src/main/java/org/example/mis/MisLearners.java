package org.example.mis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.LearnerCredits;
import org.schoolcredits.host.LearnerRegistering;

/**
 * The host's learners. Registering one inserts its row and fires {@link LearnerRegistering} in one JTA
 * transaction, on one connection (the plugin shares the host's data source): the plugin's veto rolls
 * the row back with the credit it did not take.
 */
@ApplicationScoped
public class MisLearners {

    public record Registered(long id, String message) {
    }

    @Inject
    MisDb db;

    @Inject
    Event<LearnerRegistering> registering;

    @Inject
    LearnerCredits credits;

    @Transactional
    public Registered register(Caller by, String name, String upn) {
        long id = db.one("insert into mis.learner (school_id, name, upn) values (?, ?, ?) on conflict do nothing"
                        + " returning learner_id", rs -> rs.getLong(1), by.schoolId(), name, upn)
                .orElseThrow(() -> MisProblems.refusal(409, "learner_already_registered",
                        "A learner with this UPN is already registered"));
        registering.fire(new LearnerRegistering(by.schoolId(), upn, by));
        return new Registered(id, credits.registration(by.schoolId(), upn).message());
    }
}
