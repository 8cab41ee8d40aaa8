package org.example.mis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The host's users table. */
@ApplicationScoped
public class MisUsers {

    @Inject
    MisDb db;

    /** The user with this name and password, if both are right. */
    public Optional<MisUser> authenticate(String username, String password) {
        return db.one("select username, display_name, school_id, role, password_hash from mis.app_user where username = ?",
                        rs -> Passwords.matches(password, rs.getString(5))
                                ? Optional.of(new MisUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                                : Optional.<MisUser>empty(),
                        username)
                .flatMap(user -> user);
    }
}
