package org.schoolcredits.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final String SCHOOL = AlertsFixture.SCHOOL;

    AlertsFixture f;

    @BeforeEach
    void setUp() {
        f = new AlertsFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    void enqueue(int count) {
        f.db.run(() -> {
            for (int i = 0; i < count; i++) {
                f.outbox.enqueue(SCHOOL, "test", null, new Letter().paragraph("Message " + i + " of " + count)
                        .to("admin" + i + "@oakwood.example.org", "Message " + i));
            }
        });
    }

    OutboxEmail only() {
        List<OutboxEmail> all = f.outbox.recent(SCHOOL, 10);
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    @DisplayName("SMTP down for a while, then back: each e-mail is retried with growing waits and arrives exactly once")
    void smtpDownThenBack() throws Exception {
        enqueue(3);
        Delivery delivery = f.delivery();
        Instant start = f.clock.now();

        assertEquals(0, delivery.deliverDue(), "nothing listens on the port");
        OutboxEmail first = f.outbox.recent(SCHOOL, 10).get(0);
        assertEquals(1, first.attempts());
        assertEquals(start.plusSeconds(30), first.nextAttemptAt());
        assertNotNull(first.lastError());
        assertFalse(first.sent());

        assertEquals(0, delivery.deliverDue());
        assertEquals(3, f.count("select sum(attempts) from outbox"), "not due again before its wait is over");

        f.clock.advance(Duration.ofSeconds(30));
        assertEquals(0, delivery.deliverDue());
        assertEquals(6, f.count("select sum(attempts) from outbox"));
        assertEquals(f.clock.now().plusSeconds(60), f.outbox.recent(SCHOOL, 10).get(0).nextAttemptAt(),
                "the wait doubles");

        GreenMail smtp = f.startSmtp();
        f.clock.advance(Duration.ofSeconds(59));
        assertEquals(0, delivery.deliverDue(), "back, but the next attempt is not due yet");
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(3, delivery.deliverDue());
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofHours(1));
            assertEquals(0, delivery.deliverDue());
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(3, received.length);
        Set<String> subjects = new HashSet<>();
        for (MimeMessage message : received) {
            subjects.add(message.getSubject());
        }
        assertEquals(Set.of("Message 0", "Message 1", "Message 2"), subjects);
        for (OutboxEmail email : f.outbox.recent(SCHOOL, 10)) {
            assertTrue(email.sent());
            assertNull(email.lastError());
            assertEquals(3, email.attempts());
        }
    }

    @Test
    @DisplayName("two senders on two threads never send the same e-mail twice")
    void twoSenders() throws Exception {
        enqueue(60);
        GreenMail smtp = f.startSmtp();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Delivery sender = new Delivery(f.outbox, f.smtp(), f.clock, 3);
            senders.add(() -> {
                go.await();
                int sent = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (f.count("select count(*) from outbox where sent_at is null") > 0
                        && System.nanoTime() < deadline) {
                    sent += sender.deliverDue();
                }
                return sent;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Integer> counts = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> sender : senders) {
                results.add(threads.submit(sender));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                counts.add(result.get());
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(60, counts.get(0) + counts.get(1));
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> rows = new HashSet<>();
        for (MimeMessage message : received) {
            rows.add(message.getHeader("X-School-Credits-Email", null));
        }
        assertEquals(60, received.length);
        assertEquals(60, rows.size(), "every message a different outbox row");
        assertEquals(60, f.count("select count(*) from outbox where sent_at is not null and attempts = 1"));
    }

    @Test
    @DisplayName("a claimed e-mail is leased: another sender skips it, and sends it only once the lease is over")
    void lease() throws Exception {
        enqueue(1);
        GreenMail smtp = f.startSmtp();
        assertEquals(1, f.outbox.claim(10, Delivery.LEASE).size(), "a sender claims it, then stops");
        Delivery other = f.delivery();
        assertEquals(0, other.deliverDue());
        f.clock.advance(Delivery.LEASE.minusSeconds(1));
        assertEquals(0, other.deliverDue());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, other.deliverDue());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(2, only().attempts());
    }

    @Test
    @DisplayName("without an SMTP server nothing is claimed, sent or marked: the e-mail waits in the outbox")
    void noSmtp() {
        enqueue(1);
        Delivery delivery = new Delivery(f.outbox, new Smtp(Optional.empty(), 25, "x@example.org", Optional.empty(),
                Optional.empty()), f.clock);
        assertFalse(delivery.configured());
        assertEquals(0, delivery.deliverDue());
        OutboxEmail email = only();
        assertEquals(0, email.attempts());
        assertFalse(email.sent());
        assertNull(email.lastError());
    }

    @Test
    @DisplayName("an e-mail is multipart/alternative: the plain text and the HTML part, from the configured sender")
    void messageParts() throws Exception {
        f.db.run(() -> f.outbox.enqueue(SCHOOL, "test", null, new Letter().paragraph("Fish & chips <today>")
                .to("head@oakwood.example.org", "Lunch")));
        GreenMail smtp = f.startSmtp();
        assertEquals(1, f.delivery().deliverDue());
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("School Credits <credits@mis.example.org>", message.getFrom()[0].toString());
        assertEquals("Lunch", message.getSubject());
        Multipart parts = (Multipart) message.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Fish & chips <today>\n", parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(parts.getBodyPart(1).getContent().toString().contains("<p>Fish &amp; chips &lt;today&gt;</p>"));
    }

    @Test
    @DisplayName("the wait after a failure doubles from 30 seconds and stays at an hour")
    void backoff() {
        assertEquals(Duration.ofSeconds(30), Delivery.backoff(1));
        assertEquals(Duration.ofSeconds(60), Delivery.backoff(2));
        assertEquals(Duration.ofMinutes(4), Delivery.backoff(4));
        assertEquals(Duration.ofMinutes(32), Delivery.backoff(7));
        assertEquals(Duration.ofHours(1), Delivery.backoff(8));
        assertEquals(Duration.ofHours(1), Delivery.backoff(500));
    }
}
