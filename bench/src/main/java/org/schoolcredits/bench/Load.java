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
        join(workers);
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

    /**
     * An open loop: operations intended to start at fixed intervals ({@code perSecond}), each taken by
     * whichever of the {@code threads} threads is free; each one's latency is measured from its
     * intended start, so that a stall shows in every operation it delays (no coordinated omission).
     * Operations intended during the warm-up run but are not counted; those intended during the
     * measured time all run, the threads going on after it to catch up for at most as long again;
     * any not started by then is recorded with the measured time as its latency (a lower bound) and
     * not counted as done. The rate is what was achieved: the counted operations over the time from
     * the start of the measurement to the end of the last one.
     */
    static Result atRate(String name, int threads, double perSecond, Duration warmUp, Duration measured, Op op) {
        long interval = Math.max(1, Math.round(1e9 / perSecond));
        long start = System.nanoTime() + 10_000_000;
        long from = start + warmUp.toNanos();
        long until = from + measured.toNanos();
        long giveUp = until + measured.toNanos();
        AtomicLong next = new AtomicLong();
        AtomicLong started = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(from);
        AtomicReference<Exception> firstError = new AtomicReference<>();
        Histogram all = new Histogram(3_600_000_000L, 3);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (long n = next.getAndIncrement(); start + n * interval < until && System.nanoTime() < giveUp;
                        n = next.getAndIncrement()) {
                    long intended = start + n * interval;
                    for (long wait; (wait = intended - System.nanoTime()) > 0; ) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    if (intended >= from) {
                        started.incrementAndGet();
                    }
                    try {
                        op.run(thread, n);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        continue;
                    }
                    long ended = System.nanoTime();
                    if (intended >= from) {
                        synchronized (all) {
                            all.recordValue(Math.max(1, (ended - intended) / 1000));
                        }
                        lastEnd.accumulateAndGet(ended, Math::max);
                    }
                }
            }, name + "-" + t);
            worker.start();
            workers.add(worker);
        }
        join(workers);
        long done = all.getTotalCount();
        long due = (until - start + interval - 1) / interval - (from - start + interval - 1) / interval;
        long notStarted = due - started.get();
        if (notStarted > 0) {
            all.recordValueWithCount(measured.toNanos() / 1000, notStarted);
            System.out.printf("  %s: %d operation(s) not started %d s after they were due%n", name, notStarted,
                    measured.toSeconds());
        }
        if (errors.get() > 0) {
            System.out.printf("  %s: %d operation(s) failed, first: %s%n", name, errors.get(), firstError.get());
        }
        if (errors.get() * 100 > Math.max(1, done)) {
            throw new IllegalStateException(name + ": more than 1% of operations failed", firstError.get());
        }
        return new Result(name, threads, Math.max(1, lastEnd.get() - from) / 1e9, done, errors.get(), all);
    }

    private static void join(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
