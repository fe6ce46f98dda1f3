package vn.gov.moha.portal.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code perMinute} calls per token in each clock minute (a fixed window, in this node's memory: with
 * several nodes each counts its own, and a restart starts afresh; enough to stop a runaway script, no new
 * dependency). Windows of past minutes are dropped as new ones open.
 */
final class RateLimiter {

    private record Window(long minute, int calls) {}

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentMap<Long, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** 0 when the call may go ahead (and is counted); else the seconds until the next window opens. */
    long secondsToWait(long tokenId) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(
                tokenId,
                (id, w) ->
                        w == null || w.minute() != minute ? new Window(minute, 1) : new Window(minute, w.calls() + 1));
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
        if (window.calls() <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}
