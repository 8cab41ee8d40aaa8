package org.schoolcredits.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The demo's first line for every request. Bodies are capped at {@link #MAX_BODY}: a declared
 * larger {@code Content-Length} is a 413 before anything reads it (the authentication mechanism
 * asks {@link #tooLarge} first, so this holds before sign-in too), and a chunked body is read
 * here up to the cap, a 413 past it. A browser is never sent a {@code WWW-Authenticate: Basic}
 * challenge (it would cache the credentials and send them with any other site's form posts):
 * pages sign in with the login form; API clients such as curl still get the challenge.
 */
@WebFilter("/*")
public class DemoEdgeFilter extends HttpFilter {

    static final int MAX_BODY = 1024 * 1024;

    /** How much of an oversized body is read and thrown away, so that its client receives the 413. */
    static final long DRAIN_AT_MOST = 4L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (tooLarge(request)) {
            refuseTooLarge(request, response);
            return;
        }
        HttpServletRequest bounded = request;
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuseTooLarge(request, response);
                return;
            }
            bounded = new Buffered(request, body);
        }
        chain.doFilter(bounded, looksLikeBrowser(request) ? new NoBasicChallenge(response) : response);
    }

    /** The request declares a body over {@link #MAX_BODY}. */
    static boolean tooLarge(HttpServletRequest request) {
        return request.getContentLengthLong() > MAX_BODY;
    }

    /**
     * Answers 413. A body of up to {@link #DRAIN_AT_MOST} is read and thrown away first, so that a
     * client still sending it receives the answer; a larger one is cut off.
     */
    static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() <= DRAIN_AT_MOST) {
            InputStream in = request.getInputStream();
            long drained = 0;
            while (drained < DRAIN_AT_MOST && in.read() != -1) {
                drained += 1 + in.skip(DRAIN_AT_MOST - drained - 1);
            }
        }
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(DemoProblems.json(413, "body_too_large",
                "The request body must be at most " + MAX_BODY + " bytes").getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's request: it accepts HTML, or it carries the Fetch Metadata headers only browsers send. */
    static boolean looksLikeBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Sec-Fetch-Site") != null;
    }

    /** A chunked body, read within the cap, handed on from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(getCharacterEncoding() == null
                    ? new InputStreamReader(getInputStream(), StandardCharsets.UTF_8)
                    : new InputStreamReader(getInputStream(), getCharacterEncoding()));
        }
    }

    /** Drops the Basic challenge a 401 would carry (the plugin's, or any other). */
    private static final class NoBasicChallenge extends HttpServletResponseWrapper {
        NoBasicChallenge(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
