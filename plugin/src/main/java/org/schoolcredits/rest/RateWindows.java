package org.schoolcredits.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts calls per key in fixed one-minute windows. */
final class RateWindows {

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts a call; returns 0 when it is within {@code limit}, else the seconds until the next window. */
    long call(String key, int limit, long nowMillis) {
        long minute = nowMillis / 60_000;
        Window window = windows.merge(key, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        return window.count() <= limit ? 0 : Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
    }
}
