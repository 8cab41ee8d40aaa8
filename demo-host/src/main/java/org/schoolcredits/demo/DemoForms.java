package org.schoolcredits.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The login form's edges: its body read within a cap, and the cookies a sign-in sets. */
final class DemoForms {

    private DemoForms() {
    }

    /**
     * The form's fields, read from at most {@code maxBytes} of body by us rather than by the
     * container (which reads a chunked form of any size). Over the cap: a 413 refusal.
     */
    static Map<String, String> read(HttpServletRequest request, int maxBytes) {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new DemoProblems.Refusal(400, "malformed_form", "The form could not be read");
        }
        if (body.length > maxBytes) {
            throw new DemoProblems.Refusal(413, "body_too_large", "The form must be at most " + maxBytes + " bytes");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            try {
                fields.putIfAbsent(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a broken %-escape: the field is left out
            }
        }
        return fields;
    }

    /**
     * Rewrites the cookies set so far on this response (the container's session cookie, ours) to be
     * {@code SameSite=Lax} always and {@code Secure} when the request came over TLS, directly or
     * through a proxy that says so ({@code X-Forwarded-Proto: https}).
     */
    static void sameSiteCookies(HttpServletRequest request, HttpServletResponse response) {
        boolean tls = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i).replaceAll("(?i);\\s*(SameSite=[^;]*|Secure)\\s*(?=;|$)", "")
                    + "; SameSite=Lax" + (tls ? "; Secure" : "");
            if (i == 0) {
                response.setHeader("Set-Cookie", cookie);
            } else {
                response.addHeader("Set-Cookie", cookie);
            }
        }
    }
}
