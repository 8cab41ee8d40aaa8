package org.schoolcredits.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link Api} cannot send: a request from another loopback
 * address (127.0.0.x, so that per-address limits do not touch the other tests' 127.0.0.1), a
 * declared length the body never has, a chunked body of any size, raw bytes in a header.
 */
final class RawHttp {

    /** An answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and then {@code body}. */
    static Answer send(String from, String head, byte[] body) {
        return exchange(from, head + "\r\nConnection: close\r\n\r\n", out -> out.write(body));
    }

    /** Sends {@code head} with a chunked body of {@code bytes} bytes, stopping early if the server stops reading. */
    static Answer chunked(String from, String head, long bytes) {
        return exchange(from, head + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", out -> {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static Answer exchange(String from, String head, Body body) {
        URI base = URI.create(RunningDemo.baseUrl());
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replace("\r\nConnection: close", "\r\nHost: localhost:" + base.getPort()
                    + "\r\nConnection: close").getBytes(StandardCharsets.ISO_8859_1));
            try {
                body.write(out);
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before reading everything: its answer is below
            }
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw " + head.lines().findFirst().orElse("") + " failed: " + e, e);
        }
    }

    /** Reads one answer as framed (Content-Length or chunked), not until the server closes. */
    private static Answer parse(InputStream in) throws IOException {
        String head;
        do {
            head = line(in, "\r\n\r\n");
        } while (head.startsWith("HTTP/1.1 100"));
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size; (size = Integer.parseInt(line(in, "\r\n").split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in, "\r\n");
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            in.transferTo(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    /** The bytes up to {@code end}, without it. */
    private static String line(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            text.append((char) b);
            if (text.length() >= end.length() && text.substring(text.length() - end.length()).equals(end)) {
                return text.substring(0, text.length() - end.length());
            }
        }
        throw new IOException("the answer ended early: " + text);
    }
}
