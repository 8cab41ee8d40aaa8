package org.schoolcredits.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * The plugin's paths for the host's OpenAPI document. A scan of annotations cannot find them (the
 * resources have no class-level {@code @Path}, see {@link CreditsApplication}), so a host that
 * publishes OpenAPI names this class in {@code mp.openapi.model.reader}.
 */
public class CreditsOpenApi implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        String base = "/" + CreditsApplication.class.getAnnotation(ApplicationPath.class).value();
        Map<String, PathItem> items = new TreeMap<>();
        CreditsApplication.PATHS.forEach((resource, path) -> {
            for (Method method : resource.getMethods()) {
                String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                String full = (base + "/" + path + "/" + sub).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                PathItem item = items.computeIfAbsent(full, p -> OASFactory.createPathItem());
                Operation operation = OASFactory.createOperation().operationId(resource.getSimpleName() + "."
                        + method.getName()).addTag("School Credits");
                PathItem.HttpMethod verb = verb(method);
                if (verb != null) {
                    item.setOperation(verb, operation);
                }
            }
        });
        Paths paths = OASFactory.createPaths();
        items.forEach((path, item) -> {
            if (!item.getOperations().isEmpty()) {
                paths.addPathItem(path, item);
            }
        });
        return OASFactory.createOpenAPI().paths(paths);
    }

    private static PathItem.HttpMethod verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return PathItem.HttpMethod.GET;
        }
        if (method.isAnnotationPresent(POST.class)) {
            return PathItem.HttpMethod.POST;
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return PathItem.HttpMethod.PUT;
        }
        return method.isAnnotationPresent(DELETE.class) ? PathItem.HttpMethod.DELETE : null;
    }
}
