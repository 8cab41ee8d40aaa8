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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How people sign in to the demo MIS (Jakarta Security): HTTP Basic for the API, a login form
 * and a session for the pages. A state-changing call made with the session must carry the
 * session's CSRF token (cookie {@code csrf}, header {@code X-CSRF-Token}). Before anything else,
 * a body declared over {@link DemoEdgeFilter#MAX_BODY} is refused (413); failed sign-ins are
 * throttled ({@link DemoLoginThrottle}, 429); a browser is never challenged for Basic; the
 * session and {@code csrf} cookies are {@code SameSite=Lax}, and {@code Secure} over TLS.
 */
@ApplicationScoped
public class DemoAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "demo.user";
    static final String SESSION_CSRF = "demo.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The login form is a user name, a password and a page to go to: a few hundred bytes. */
    static final int MAX_FORM = 8 * 1024;

    @Inject
    DemoUsers users;

    @Inject
    DemoLoginThrottle throttle;

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
            return refuse(request, response, 503, "service_unavailable", "The database cannot be reached; try again shortly");
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        if (DemoEdgeFilter.tooLarge(request)) {
            try {
                DemoEdgeFilter.refuseTooLarge(request, response);
            } catch (IOException e) {
                // the client went away; nothing to tell it
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim(), request, response, context);
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
                return refuse(request, response, 403, "csrf_token_missing", "The CSRF token is missing or wrong");
            }
        }
        if (DemoPages.SIGNED_IN.containsKey(path)) {
            redirect(response, request.getContextPath() + "/login?next=" + path);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        String name = colon < 0 ? decoded : decoded.substring(0, colon);
        long wait = throttle.retryAfter(name, request.getRemoteAddr(), System.nanoTime());
        if (wait > 0) {
            return throttled(request, response, wait);
        }
        Optional<DemoUser> user = signIn(name, colon < 0 ? "" : decoded.substring(colon + 1), request);
        if (user.isEmpty()) {
            return refuse(request, response, 401, "unauthenticated", "The user name or password is wrong");
        }
        return context.notifyContainerAboutLogin(user.get().id(), Set.of(user.get().role()));
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        Map<String, String> form;
        try {
            form = DemoForms.read(request, MAX_FORM);
        } catch (DemoProblems.Refusal e) {
            return refuse(request, response, e.status, e.code, e.getMessage());
        }
        String name = form.getOrDefault("username", "").trim();
        long wait = throttle.retryAfter(name, request.getRemoteAddr(), System.nanoTime());
        if (wait > 0) {
            return throttled(request, response, wait);
        }
        Optional<DemoUser> user = signIn(name, form.getOrDefault("password", ""), request);
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
        response.addCookie(cookie);
        DemoForms.sameSiteCookies(request, response);
        String next = form.get("next");
        redirect(response, request.getContextPath() + (next != null && DemoPages.SIGNED_IN.containsKey(next) ? next : "/"));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The user, when the password is right; either way the throttle hears of it. */
    private Optional<DemoUser> signIn(String name, String password, HttpServletRequest request) {
        Optional<DemoUser> user = name.isEmpty() ? Optional.empty() : users.authenticate(name, password);
        if (user.isPresent()) {
            throttle.succeeded(name, request.getRemoteAddr());
        } else {
            throttle.failed(name, request.getRemoteAddr(), System.nanoTime());
        }
        return user;
    }

    private static AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response, long wait) {
        response.setHeader("Retry-After", Long.toString(wait));
        return refuse(request, response, 429, "too_many_failed_sign_ins",
                "Too many failed sign-ins: try again in " + wait + " seconds");
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

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
                                               String code, String detail) {
        response.setStatus(status);
        if (status == 401 && !DemoEdgeFilter.looksLikeBrowser(request)) {
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
