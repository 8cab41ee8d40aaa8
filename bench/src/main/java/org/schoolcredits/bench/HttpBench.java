package org.schoolcredits.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** The running demo driven over HTTP, as a host in another process or a browser would. */
final class HttpBench {

    static final String[] STAFF = {"staff@oakwood", "staff@riverside"};
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CAPTURED = Pattern.compile("\"status\"\\s*:\\s*\"captured\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    HttpBench(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Gives a school Connect credits as platform finance. */
    void adjust(String school, long credits) throws Exception {
        expect(201, send("finance@platform", "POST", "/api/credits/platform/adjustments",
                "{\"school\":\"" + school + "\",\"creditType\":\"connect\",\"amount\":" + credits
                        + ",\"reason\":\"benchmark\"}"));
    }

    /** 1 credit reserved and captured over HTTP: staff of oakwood and riverside, half the threads each. */
    Load.Result deductions(int threads, Duration warmUp, Duration measured) {
        return Load.run("HTTP, 2 schools", threads, warmUp, measured, (thread, n) -> {
            String user = STAFF[thread % STAFF.length];
            String held = expect(201, send(user, "POST", "/api/credits/usages",
                    "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"http-" + thread + "-" + n + "-"
                            + System.nanoTime() + "\"}"));
            Matcher id = ID.matcher(held);
            if (!id.find()) {
                throw new IllegalStateException("no id in " + held);
            }
            expect(200, send(user, "POST", "/api/credits/usages/" + id.group(1) + "/capture", null));
        });
    }

    /**
     * One-call charges over HTTP: {@code POST /api/credits/usages} of 1 SMS with {@code "capture": true}
     * (reserved and captured in one request); staff of oakwood and riverside, half the threads each.
     */
    Load.Result charges(int threads, Duration warmUp, Duration measured) {
        return Load.run("HTTP one-call charge, 2 schools", threads, warmUp, measured, (thread, n) -> {
            String charged = expect(201, send(STAFF[thread % STAFF.length], "POST", "/api/credits/usages",
                    "{\"feature\":\"SMS\",\"quantity\":1,\"capture\":true,\"reference\":\"charge-" + thread + "-"
                            + n + "-" + System.nanoTime() + "\"}"));
            if (!CAPTURED.matcher(charged).find()) {
                throw new IllegalStateException("not captured: " + charged);
            }
        });
    }

    /**
     * Bulk sends over HTTP: each request one {@code POST /api/credits/usages/batch} of {@code size}
     * SMS at 1 credit, atomic and captured in one go, under its own {@code Idempotency-Key}; staff of
     * oakwood and riverside, half the threads each. The result counts requests; times {@code size},
     * usages.
     */
    Load.Result batches(int threads, Duration warmUp, Duration measured, int size) {
        return Load.run("HTTP batch of " + size + ", 2 schools", threads, warmUp, measured, (thread, n) -> {
            String user = STAFF[thread % STAFF.length];
            String prefix = "batch-" + thread + "-" + n + "-" + System.nanoTime() + "-";
            StringBuilder body = new StringBuilder("{\"atomic\":true,\"capture\":true,\"items\":[");
            for (int i = 0; i < size; i++) {
                body.append(i == 0 ? "" : ",").append("{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"")
                        .append(prefix).append(i).append("\"}");
            }
            HttpResponse<String> response = client.send(request(user, "POST", "/api/credits/usages/batch",
                    body.append("]}").toString()).header("Idempotency-Key", prefix).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (!expect(201, response).contains("\"held\":" + size)) {
                throw new IllegalStateException("not every usage charged: " + response.body());
            }
        });
    }

    /**
     * Stripe webhook deliveries: {@code events} card purchases started by the two schools' admins,
     * then each one's {@code checkout.session.completed}, signed with {@code secret} as Stripe
     * signs, posted by {@code threads} threads; measured from the first delivery to the last.
     */
    Load.Result webhooks(int threads, int events, String secret) throws Exception {
        String[] admins = {"admin@oakwood", "admin@riverside"};
        java.util.concurrent.ConcurrentLinkedQueue<String> signed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        Load.run("purchases", threads, Duration.ZERO, Duration.ofMinutes(10), (thread, n) -> {
            int i = started.getAndIncrement();
            if (i >= events) {
                throw new Done();
            }
            String admin = admins[i % admins.length];
            String purchase = expect(201, send(admin, "POST", "/api/credits/purchases",
                    "{\"packageId\":\"connect-small\",\"method\":\"card\"}"));
            signed.add(completed(purchase, admin.substring(admin.indexOf('@') + 1), secret));
        });
        Histogram latency = new Histogram(3_600_000_000L, 3);
        long began = System.nanoTime();
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (String event; (event = signed.poll()) != null; ) {
                    long start = System.nanoTime();
                    try {
                        int split = event.indexOf('\n');
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        URI.create(baseUrl + "/api/credits/stripe/webhook"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .header("Stripe-Signature", event.substring(0, split))
                                .POST(HttpRequest.BodyPublishers.ofString(event.substring(split + 1))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (!expect(200, response).contains("\"applied\"")) {
                            throw new IllegalStateException("not applied: " + response.body());
                        }
                    } catch (Exception e) {
                        failed.compareAndSet(null, e);
                        return;
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a webhook delivery failed", failed.get());
        }
        return new Load.Result("HTTP, Stripe webhook checkout.session.completed", threads,
                (System.nanoTime() - began) / 1e9, latency.getTotalCount(), 0, latency);
    }

    /** A {@code checkout.session.completed} for that purchase, as the signature header, a newline, the body. */
    private static String completed(String purchase, String school, String secret) throws Exception {
        String id = field(purchase, "id");
        String session = field(purchase, "checkoutSessionId");
        String pence = purchase.replaceAll("(?s).*\"pence\"\\s*:\\s*(\\d+).*", "$1");
        String body = "{\"id\":\"evt_bench_" + java.util.UUID.randomUUID().toString().replace("-", "") + "\","
                + "\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + java.time.Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"" + session + "\","
                + "\"object\":\"checkout.session\",\"amount_total\":" + pence + ",\"currency\":\"gbp\","
                + "\"client_reference_id\":\"" + id + "\",\"metadata\":{\"school_id\":\"" + school + "\","
                + "\"purchase_id\":\"" + id + "\",\"package_id\":\"connect-small\"},\"mode\":\"payment\","
                + "\"payment_intent\":\"pi_bench_" + id.replace("-", "") + "\",\"payment_status\":\"paid\","
                + "\"status\":\"complete\"}}}";
        long t = java.time.Instant.now().getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "t=" + t + ",v1=" + v1 + "\n" + body;
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }

    /** Ends a worker of {@link Load#run} once there is no more to do. */
    static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Latency of one history page as a school admin, one request at a time, in microseconds. */
    Histogram historyPages(String user, String query, int warmUp, int requests) throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < warmUp + requests; i++) {
            long began = System.nanoTime();
            expect(200, send(user, "GET", "/api/credits/history?" + query, null));
            if (i >= warmUp) {
                latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
            }
        }
        return latency;
    }

    /** Downloads the whole history as CSV; returns {seconds, lines}. */
    double[] csvExport(String user) throws Exception {
        long began = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request(user, "GET", "/api/credits/history", null)
                .setHeader("Accept", "text/csv").timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = body.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("CSV export answered " + response.statusCode());
        }
        return new double[] {(System.nanoTime() - began) / 1e9, lines};
    }

    String reconciliation() throws Exception {
        return expect(200, send("finance@platform", "GET", "/api/credits/platform/reconciliation", null));
    }

    private HttpResponse<String> send(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        return client.send(request(user, method, path, json).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
