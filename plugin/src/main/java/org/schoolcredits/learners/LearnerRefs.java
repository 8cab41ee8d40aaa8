package org.schoolcredits.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.storage.Jdbc;

/**
 * Learner references: checked, and hashed with HMAC-SHA256 under a key generated once per
 * database (table {@code plugin_secret}), so that what the plugin keeps of a deleted learner
 * identifies nobody. The school is part of the hashed text: one learner in two schools gets
 * two unrelated hashes. The key is never logged.
 */
@ApplicationScoped
public class LearnerRefs {

    public static final int MAX_LENGTH = 200;
    private static final String ALGORITHM = "HmacSHA256";

    private Jdbc db;
    private volatile SecretKeySpec key;

    protected LearnerRefs() {
    }

    @Inject
    public LearnerRefs(Jdbc db) {
        this.db = db;
    }

    /** The reference, trimmed; 400 naming {@code learnerRef} when it is not 1 to 200 characters. */
    public static String valid(String learnerRef) {
        String ref = learnerRef == null ? "" : learnerRef.strip();
        if (ref.isEmpty() || ref.length() > MAX_LENGTH) {
            throw CreditsException.invalidField("learnerRef", "'learnerRef' must have 1 to " + MAX_LENGTH
                    + " characters");
        }
        return ref;
    }

    /** The hex HMAC-SHA256 of the school and a valid reference. */
    public String hash(String schoolId, String learnerRef) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal((schoolId + '\u0000' + learnerRef)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            key = db.one("select secret from plugin_secret where name = 'learner-ref-hmac'",
                    rs -> new SecretKeySpec(rs.getBytes(1), ALGORITHM))
                    .orElseThrow(() -> new IllegalStateException("the learner reference key is missing"));
        }
        return key;
    }
}
