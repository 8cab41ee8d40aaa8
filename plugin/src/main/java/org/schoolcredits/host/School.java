package org.schoolcredits.host;

import java.time.ZoneId;
import java.util.List;

/** A school as the host's directory describes it. */
public record School(String id, String name, Plan plan, ZoneId timeZone, List<String> adminEmails) {

    public School {
        adminEmails = List.copyOf(adminEmails);
    }
}
