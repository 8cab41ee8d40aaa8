package org.schoolcredits.learners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A learner the school registered (table {@code learner}), known by the HMAC of its reference; the
 * reference itself is kept only while the learner is not deleted. Its key makes a learner cost once.
 */
@Entity
@Table(name = "learner")
@IdClass(LearnerReference.Key.class)
public class LearnerReference {

    @Id
    @Column(name = "school_id")
    private String schoolId;

    @Id
    @Column(name = "ref_hash")
    private String refHash;

    @Column(name = "learner_ref")
    private String learnerRef;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected LearnerReference() {
    }

    /** The key: school and reference hash. */
    public record Key(String schoolId, String refHash) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
