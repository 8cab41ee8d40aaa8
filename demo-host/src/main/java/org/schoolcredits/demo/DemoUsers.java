package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The demo's users; every one signs in with the demo password ({@code DEMO_PASSWORD}). */
@ApplicationScoped
public class DemoUsers {

    @Inject
    DemoDb db;

    @Inject
    @ConfigProperty(name = "demo.password", defaultValue = "demo")
    String password;

    public Optional<DemoUser> find(String userId) {
        return db.one("select user_id, school_id, display_name, email, role from demo.app_user where user_id = ?",
                rs -> new DemoUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), userId);
    }

    /** The user whose name and password these are, if any. */
    public Optional<DemoUser> authenticate(String userId, String givenPassword) {
        boolean passwordMatches = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                givenPassword.getBytes(StandardCharsets.UTF_8));
        return passwordMatches ? find(userId) : Optional.empty();
    }
}
