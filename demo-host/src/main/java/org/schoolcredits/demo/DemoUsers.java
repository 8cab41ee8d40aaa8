package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's users; every one signs in with the demo password ({@code DEMO_PASSWORD}, {@code demo}
 * in demo mode; with {@code DEMO_MODE} off there is no default and, unset, nobody signs in). HTTP Basic
 * signs every API call in, so a user read is remembered for {@link #REMEMBERED} nanoseconds (one
 * second): a user's role changed or removed in the database, by any instance, counts from a
 * second later at most.
 */
@ApplicationScoped
public class DemoUsers {

    static final long REMEMBERED = TimeUnit.SECONDS.toNanos(1);

    private record Remembered(DemoUser user, long until) {
    }

    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    @Inject
    DemoDb db;

    @Inject
    @ConfigProperty(name = "demo.password")
    Optional<String> password = Optional.empty();

    @Inject
    @ConfigProperty(name = "demo.mode", defaultValue = "true")
    boolean demoMode = true;

    public Optional<DemoUser> find(String userId) {
        return find(userId, System.nanoTime());
    }

    /** As {@link #find(String)}, at {@code now} on {@link System#nanoTime()}'s scale. */
    Optional<DemoUser> find(String userId, long now) {
        if (userId.indexOf('\0') >= 0) {
            return Optional.empty(); // PostgreSQL cannot hold a NUL: no user has one
        }
        Remembered remembered = recent.get(userId);
        if (remembered != null && now - remembered.until() < 0) {
            return Optional.of(remembered.user());
        }
        Optional<DemoUser> user = db.one("select user_id, school_id, display_name, email, role from demo.app_user"
                        + " where user_id = ?",
                rs -> new DemoUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), userId);
        if (user.isPresent()) {
            recent.put(userId, new Remembered(user.get(), now + REMEMBERED));
        } else {
            recent.remove(userId);
        }
        return user;
    }

    /** The user whose name and password these are, if any. */
    public Optional<DemoUser> authenticate(String userId, String givenPassword) {
        Optional<String> expected = password.filter(p -> !p.isBlank()).or(() -> demoMode ? Optional.of("demo")
                : Optional.empty());
        boolean passwordMatches = expected.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), givenPassword.getBytes(StandardCharsets.UTF_8));
        return passwordMatches ? find(userId) : Optional.empty();
    }
}
