package org.schoolcredits.host;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by the host as an application-scoped CDI bean. The plugin calls it, inside or
 * outside a transaction, when it needs a school's name, plan, time zone or admin e-mail
 * addresses (e-mails, the monthly allowance, pages).
 */
public interface SchoolDirectory {

    Optional<School> find(String schoolId);

    /** Every school of the host's, whether or not the plugin is enabled for it. */
    List<School> all();

    /**
     * The names of the school's admins, whom a 402 tells a user who may not buy to ask
     * ({@code "admins"}). By default none: the dialog then says to ask a school admin.
     */
    default List<String> adminNames(String schoolId) {
        return List.of();
    }
}
