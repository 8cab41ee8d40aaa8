package org.schoolcredits.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobsTest {

    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Logger log = Logger.getLogger(Job.class.getName());
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.setLevel(Level.INFO); // the tests' logging.properties keeps INFO quiet
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
        log.setLevel(null);
    }

    @Test
    @DisplayName("a scheduled job that throws, even an Error, keeps being called and works again after the outage")
    void throwingJobKeepsRunning() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch worked = new CountDownLatch(3);
            new Jobs(executor).every(Duration.ofMillis(5), "the test job", () -> {
                int call = calls.incrementAndGet();
                if (call <= 2) {
                    throw new IllegalStateException("database down");
                }
                if (call <= 4) {
                    throw new AssertionError("a bug");
                }
                worked.countDown();
            });
            assertTrue(worked.await(10, TimeUnit.SECONDS), "runs after failures: " + calls.get());
            assertTrue(calls.get() >= 7, "calls: " + calls.get());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @DisplayName("an outage is logged once when it starts and once when the job works again, not at every run")
    void outageLoggedOnce() {
        AtomicInteger calls = new AtomicInteger();
        Job job = new Job("the test job", () -> {
            int call = calls.incrementAndGet();
            if (call <= 5 || call == 8) {
                throw new IllegalStateException("database down");
            }
        });
        for (int i = 0; i < 10; i++) {
            job.run();
        }
        List<String> lines = logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
        assertEquals(4, lines.size(), lines::toString);
        assertEquals(List.of(Level.WARNING, Level.INFO, Level.WARNING, Level.INFO),
                logged.stream().map(LogRecord::getLevel).toList());
        assertTrue(lines.get(1).contains("works again, after 5 failed run(s)"), lines.get(1));
    }
}
