package org.example.mis;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The host's sign-in: HTTP Basic against its users table for every page and call, except the paths
 * docs/host-integration.md says to leave public (the plugin's Stripe webhook and its fragments' modules).
 * The signed-in user is kept in the request attribute {@value #USER} for {@link MisCallers}.
 */
@WebFilter("/*")
public class MisSignIn extends HttpFilter {

    static final String USER = "mis.user";

    @Inject
    MisUsers users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<MisUser> user = basic(request.getHeader("Authorization"));
        if (user.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Greenfield MIS\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Sign in first\",\"status\":401,"
                    + "\"code\":\"unauthenticated\"}");
            return;
        }
        request.setAttribute(USER, user.get());
        chain.doFilter(request, response);
    }

    /** What needs no sign-in: the plugin's webhook (Stripe signs it) and its fragments' modules (static code). */
    static boolean isPublic(String path) {
        return path.equals("/api/credits/stripe/webhook") || path.startsWith("/credits/");
    }

    private Optional<MisUser> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
