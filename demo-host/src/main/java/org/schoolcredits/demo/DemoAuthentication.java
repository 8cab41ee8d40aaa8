package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * How people sign in to the demo MIS (Jakarta Security): HTTP Basic for the API, a login form
 * and a session for the pages. A state-changing call made with the session must carry the
 * session's CSRF token (cookie {@code csrf}, header {@code X-CSRF-Token}).
 */
@ApplicationScoped
public class DemoAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "demo.user";
    static final String SESSION_CSRF = "demo.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DemoUsers users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof java.sql.SQLException)) {
                throw e;
            }
            response.setHeader("Retry-After", "5");
            return refuse(response, 503, "service_unavailable", "The database cannot be reached; try again shortly");
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim(), response, context);
        }
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SESSION_USER);
        if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
            return login(request, response, context);
        }
        if (signedIn != null) {
            Optional<DemoUser> user = users.find((String) signedIn);
            if (user.isPresent() && csrfSafe(request, session)) {
                return context.notifyContainerAboutLogin(user.get().id(), Set.of(user.get().role()));
            }
            if (user.isPresent()) {
                return refuse(response, 403, "csrf_token_missing", "The CSRF token is missing or wrong");
            }
        }
        if (DemoPages.SIGNED_IN.containsKey(path)) {
            redirect(response, request.getContextPath() + "/login?next=" + path);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        Optional<DemoUser> user = colon < 0 ? Optional.empty()
                : users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
        if (user.isEmpty()) {
            return refuse(response, 401, "unauthenticated", "The user name or password is wrong");
        }
        return context.notifyContainerAboutLogin(user.get().id(), Set.of(user.get().role()));
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String name = request.getParameter("username");
        String password = request.getParameter("password");
        Optional<DemoUser> user = name == null || password == null ? Optional.empty()
                : users.authenticate(name.trim(), password);
        if (user.isEmpty()) {
            redirect(response, request.getContextPath() + "/login?error");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        String csrf = HexFormat.of().formatHex(randomBytes());
        session.setAttribute(SESSION_USER, user.get().id());
        session.setAttribute(SESSION_CSRF, csrf);
        Cookie cookie = new Cookie("csrf", csrf);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        String next = request.getParameter("next");
        redirect(response, request.getContextPath() + (next != null && DemoPages.SIGNED_IN.containsKey(next) ? next : "/"));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static boolean csrfSafe(HttpServletRequest request, HttpSession session) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String expected = (String) session.getAttribute(SESSION_CSRF);
        String given = request.getHeader("X-CSRF-Token");
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(303);
        response.setHeader("Location", location);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String code, String detail) {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"School Credits demo\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(DemoProblems.json(status, code, detail));
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
