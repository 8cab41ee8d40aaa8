package org.schoolcredits.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import org.schoolcredits.host.Caller;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * Decides who may call each resource method, before anything else runs: 503 while the
 * database is not migrated, 401 without a caller, 403 without the permission, 404 for a school
 * that has not enabled the plugin.
 */
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Callers callers;

    @Inject
    EnabledSchools schools;

    @Inject
    CreditsDatabase database;

    /** Once migrated, the plugin stays so: asked of the database's EJB until then only. */
    private volatile boolean migrated;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!migrated()) {
            throw new CreditsException(ProblemCode.SERVICE_UNAVAILABLE, "The credits database is not ready");
        }
        Method method = resource.getResourceMethod();
        if (method == null || isPublic(method)) {
            return;
        }
        Requires requires = method.getAnnotation(Requires.class) != null
                ? method.getAnnotation(Requires.class)
                : resource.getResourceClass().getAnnotation(Requires.class);
        Caller caller = callers.current();
        if (requires == null || !caller.has(requires.value().code())) {
            throw new CreditsException(ProblemCode.PERMISSION_DENIED, "You do not have permission to do this");
        }
        boolean platformCall = requires.value() == Permission.PLATFORM;
        if (platformCall != (caller.schoolId() == null)) {
            throw new CreditsException(ProblemCode.PERMISSION_DENIED, platformCall
                    ? "Platform calls are for platform staff" : "School calls are for a school's users");
        }
        if (!platformCall && !schools.isEnabled(caller.schoolId())) {
            throw CreditsException.notFound("School Credits for this school");
        }
    }

    private boolean migrated() {
        if (!migrated) {
            migrated = database.migrated();
        }
        return migrated;
    }

    private boolean isPublic(Method method) {
        return method.isAnnotationPresent(Public.class) || resource.getResourceClass().isAnnotationPresent(Public.class);
    }
}
