package org.schoolcredits.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The plugin's own defence against cross-site requests, so that a host need not check CSRF on
 * the plugin's calls: a browser that holds credentials for the host (a session, cached HTTP Basic)
 * must not be able to change anything on another site's behalf. A state-changing call (POST,
 * PUT, PATCH, DELETE) is refused
 * <ul>
 *   <li>403 {@code foreign_origin} when its {@code Origin} is neither the request's own
 *       scheme://host:port nor {@code credits.public.url}'s (except {@link AnyOrigin} methods);</li>
 *   <li>415 when it carries a form, multipart or text content type (what another site can post
 *       without asking), or a body with no content type at all.</li>
 * </ul>
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteFilter implements ContainerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Context
    ResourceInfo resource;

    private final Optional<String> publicOrigin = ConfigProvider.getConfig()
            .getOptionalValue("credits.public.url", String.class).map(CrossSiteFilter::origin);

    @Override
    public void filter(ContainerRequestContext request) {
        boolean anyOrigin = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(AnyOrigin.class);
        URI uri = request.getUriInfo().getRequestUri();
        String scheme = Optional.ofNullable(request.getHeaderString("X-Forwarded-Proto")).orElse(uri.getScheme());
        String length = request.getHeaderString("Content-Length");
        boolean body = request.getHeaderString("Transfer-Encoding") != null || length != null && !"0".equals(length.trim());
        check(request.getMethod(), request.getHeaderString("Content-Type"), body,
                anyOrigin ? null : request.getHeaderString("Origin"),
                Stream.concat(Stream.of(origin(scheme + "://" + uri.getRawAuthority())), publicOrigin.stream())
                        .filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** Refuses the call when it is state-changing and could come from another site; {@code origin} null passes. */
    static void check(String method, String contentType, boolean body, String origin, Set<String> ownOrigins) {
        if (!STATE_CHANGING.contains(method)) {
            return;
        }
        if (origin != null && (origin(origin) == null || !ownOrigins.contains(origin(origin)))) {
            throw new CreditsException(ProblemCode.FOREIGN_ORIGIN, "A call from another site may not change anything here");
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/")
                || type.startsWith("text/") || type.isEmpty() && body) {
            throw new CreditsException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "A call that changes something takes a JSON body (Content-Type: application/json) or none");
        }
    }

    /** {@code scheme://host:port} of a URL, lower case with the port spelled out; null when it has none. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (RuntimeException e) { // no scheme or host, e.g. the Origin "null" of a sandboxed page
            return null;
        }
    }
}
