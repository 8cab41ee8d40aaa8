package org.schoolcredits.fragments;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.schoolcredits.host.Caller;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.EnabledSchools;
import org.schoolcredits.rest.Public;

/**
 * The fragment registry for the caller: the fragments whose permission they hold, none for a
 * school that has not enabled the plugin. Public to the access filter because it serves every
 * signed-in user, platform staff included, and checks them itself (401 when anonymous).
 */
@Produces(MediaType.APPLICATION_JSON)
@Public
public class FragmentsResource {

    @Inject
    Callers callers;

    @Inject
    EnabledSchools schools;

    @Inject
    Fragments fragments;

    @GET
    public List<Fragment> get() {
        Caller caller = callers.current();
        if (caller.schoolId() != null && !schools.isEnabled(caller.schoolId())) {
            return List.of();
        }
        return fragments.all().stream().filter(f -> caller.has(f.permission())).toList();
    }
}
