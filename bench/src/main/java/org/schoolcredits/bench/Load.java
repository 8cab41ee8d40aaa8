package org.schoolcredits.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: {@code threads} threads run an operation back to back for a warm-up, then for
 * the measured time; each completed operation's latency goes into a histogram (microseconds).
 * Only operations that start after the warm-up and end before the measurement does are counted.
 */
final class Load {

    @FunctionalInterface
    interface Op {
        void run(int thread, long n) throws Exception;
    }

    /** What a run did: operations per second and their latency. */
    record Result(String name, int threads, double seconds, long ops, long errors, Histogram latency) {

        double rate() {
            return ops / seconds;
        }

        /** The latency at a percentile, in milliseconds. */
        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {
    }

    static Result run(String name, int threads, Duration warmUp, Duration measured, Op op) {
        long start = System.nanoTime();
        long from = start + warmUp.toNanos();
        long until = from + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            int thread = t;
            Thread worker = new Thread(() -> {
                long n = 0;
                while (true) {
                    long began = System.nanoTime();
                    if (began >= until) {
                        return;
                    }
                    try {
                        op.run(thread, n++);
                    } catch (HttpBench.Done done) {
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        continue;
                    }
                    long ended = System.nanoTime();
                    if (began >= from && ended <= until) {
                        histogram.recordValue(Math.max(1, (ended - began) / 1000));
                    }
                }
            }, name + "-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        histograms.forEach(all::add);
        Result result = new Result(name, threads, measured.toNanos() / 1e9, all.getTotalCount(), errors.get(), all);
        if (errors.get() > 0) {
            System.out.printf("  %s: %d operation(s) failed, first: %s%n", name, errors.get(), firstError.get());
        }
        if (errors.get() * 100 > Math.max(1, all.getTotalCount())) {
            throw new IllegalStateException(name + ": more than 1% of operations failed", firstError.get());
        }
        return result;
    }
}
