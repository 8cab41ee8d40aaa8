package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing (login form and HTTP Basic alike): after {@link #MAX_FAILURES} failed
 * sign-ins within {@link #WINDOW} for one account (from any address), or from one address (for
 * any account), further attempts there are refused until the oldest failure ages out, even with
 * the right password. A success forgets only that account's failures from that same address: it
 * resets no other address's count, and no address's own count. Kept in this instance's memory.
 */
@ApplicationScoped
public class DemoLoginThrottle {

    static final int MAX_FAILURES = 10;
    static final long WINDOW = TimeUnit.MINUTES.toNanos(5);

    private record Failure(String account, String address, long at) {
    }

    private final Map<String, Deque<Failure>> failures = new HashMap<>();

    /** 0 when {@code account} may try to sign in from {@code address} at {@code now}; else seconds to wait. */
    public synchronized long retryAfter(String account, String address, long now) {
        return Math.max(wait(failures.get("account:" + account), now), wait(failures.get("address:" + address), now));
    }

    public synchronized void failed(String account, String address, long now) {
        if (failures.size() > 100_000) {
            failures.values().removeIf(list -> list.isEmpty() || now - list.peekLast().at() >= WINDOW);
        }
        Failure failure = new Failure(account, address, now);
        for (String key : new String[] {"account:" + account, "address:" + address}) {
            Deque<Failure> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            list.addLast(failure);
            if (list.size() > MAX_FAILURES) {
                list.removeFirst();
            }
        }
    }

    public synchronized void succeeded(String account, String address) {
        Deque<Failure> list = failures.get("account:" + account);
        if (list != null) {
            list.removeIf(failure -> failure.address().equals(address));
        }
    }

    private static long wait(Deque<Failure> list, long now) {
        if (list == null || list.size() < MAX_FAILURES) {
            return 0;
        }
        long left = list.peekFirst().at() + WINDOW - now;
        return left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
