package org.schoolcredits.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The demo MIS's pages, each a static page under WEB-INF/pages that mounts the plugin's
 * fragments, sent with a strict Content-Security-Policy. Sign-in is the authentication
 * mechanism's; this serves only what the signed-in user may see.
 */
@WebServlet(urlPatterns = {"", "/learners", "/sms", "/dvla", "/settings/credits", "/mail", "/login"})
public class DemoPages extends HttpServlet {

    /**
     * The pages that need a signed-in user, by path. {@code /mail} shows the plugin's e-mail outbox;
     * its data is for platform staff only (school users see a note saying so).
     */
    static final Map<String, String> SIGNED_IN = Map.of("/", "dashboard", "/learners", "learners", "/sms", "sms",
            "/dvla", "dvla", "/settings/credits", "settings-credits", "/mail", "mail");

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getServletPath().isEmpty() ? "/" : request.getServletPath();
        String page = "/login".equals(path) ? "login" : SIGNED_IN.get(path);
        if (page == null) {
            response.sendError(404);
            return;
        }
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/pages/" + page + ".html").include(request, response);
    }
}
