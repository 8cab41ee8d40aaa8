package org.schoolcredits.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers read from the database, each remembered for {@link #FOR} nanoseconds (one second), for
 * a question that every call asks: it then costs a query a second rather than one a call. What
 * changes through this instance is forgotten at once ({@link #forget}); through another instance
 * sharing the database, it counts within that second. Times are on {@link System#nanoTime()}'s
 * scale, passed in so that tests need no sleeping.
 */
public final class Remembered<K, V> {

    public static final long FOR = TimeUnit.SECONDS.toNanos(1);

    private record Answer<V>(V value, long readAt) {
    }

    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();
    private final Predicate<V> worthKeeping;

    public Remembered() {
        this(value -> true);
    }

    /** Remembers only the answers {@code worthKeeping} accepts; the others are read again at each call. */
    public Remembered(Predicate<V> worthKeeping) {
        this.worthKeeping = worthKeeping;
    }

    /** The answer for {@code key} as read at most a second before {@code now}, else {@code read} now. */
    public V get(K key, long now, Function<K, V> read) {
        Answer<V> known = answers.get(key);
        if (known != null && now - known.readAt() < FOR) {
            return known.value();
        }
        V value = read.apply(key);
        if (worthKeeping.test(value)) {
            answers.put(key, new Answer<>(value, now));
        } else {
            answers.remove(key);
        }
        return value;
    }

    public void forget(K key) {
        answers.remove(key);
    }
}
