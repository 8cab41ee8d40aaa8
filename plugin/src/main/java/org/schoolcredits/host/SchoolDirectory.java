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
}
