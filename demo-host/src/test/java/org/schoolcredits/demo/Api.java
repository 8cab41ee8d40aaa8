package org.schoolcredits.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to the running demo as one of its users, the way any client makes them. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String user;

    private Api(String base, String user) {
        this.base = base;
        this.user = user;
    }

    /** A user of the demo that {@link RunningDemo} started. */
    public static Api as(String user) {
        return new Api(null, user);
    }

    public static Api anonymous() {
        return new Api(null, null);
    }

    /** A user of the demo at {@code baseUrl}, e.g. one of two instances. */
    public static Api at(String baseUrl, String user) {
        return new Api(baseUrl, user);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, null);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply send(String method, String path, String json, String idempotencyKey) {
        return send(method, path, json, idempotencyKey, "*/*");
    }

    public Reply send(String method, String path, String json, String idempotencyKey, String accept) {
        return raw(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json", idempotencyKey, accept);
    }

    /** Any bytes with any content type: for hostile input. */
    public Reply raw(String method, String path, byte[] body, String contentType, String idempotencyKey,
                     String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base != null ? base : RunningDemo.baseUrl()) + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type")
                    .orElse(""), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** An answer: status, body and content type. */
    public record Reply(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
