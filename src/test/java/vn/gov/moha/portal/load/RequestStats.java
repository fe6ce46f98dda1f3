package vn.gov.moha.portal.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per request kind: server round trips (ms) and errors, as the load test's own checks saw them
 * (a request that got no answer at all is only in Gatling's KO count). Printed after the run.
 */
final class RequestStats {

    private record Kind(List<Integer> millis, int[] errors) {}

    /** Round trips of the requests sent while every user was in (after the ramp, before the first logout). */
    private static final List<Integer> HELD = Collections.synchronizedList(new ArrayList<>());

    private static final AtomicInteger HELD_ERRORS = new AtomicInteger();
    private static volatile long holdFrom = Long.MAX_VALUE;
    private static volatile long holdTo = Long.MAX_VALUE;

    /** The hold, in {@link System#nanoTime()}: the population is complete from {@code from} to {@code to}. */
    static void hold(long from, long to) {
        holdFrom = from;
        holdTo = to;
    }

    private static final Map<String, Kind> KINDS = new ConcurrentSkipListMap<>();
    /** Status of the answer being checked (the status check runs first, on the thread that runs the others). */
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[1]);

    private RequestStats() {}

    /** The problem a check reports for a session lost to a stopped node (load.failover only). */
    static final String LOST = "LOST";

    static int currentStatus() {
        return CURRENT.get()[0];
    }

    static Integer status(Integer status) {
        CURRENT.get()[0] = status;
        return status;
    }

    /**
     * Records the answer just checked, which took this long since the request was built (server
     * round trip as the virtual user sees it); returns "ok", or the problem (a failed status first).
     */
    static String record(String name, long startNanos, String problem) {
        int[] current = CURRENT.get();
        if (LOST.equals(problem)) { // a session its stopped node took with it (load.failover): re-login, not an error
            name = "failover: session lost";
            problem = "ok";
            current[0] = 0;
        }
        String result = current[0] >= 400 ? "HTTP status " + current[0] : problem;
        int millis = (int) ((System.nanoTime() - startNanos) / 1_000_000);
        Kind kind =
                KINDS.computeIfAbsent(name, n -> new Kind(Collections.synchronizedList(new ArrayList<>()), new int[1]));
        kind.millis().add(millis);
        boolean held = startNanos >= holdFrom && startNanos < holdTo;
        if (held) {
            HELD.add(millis);
        }
        if (!"ok".equals(result)) {
            synchronized (kind) {
                kind.errors()[0]++;
            }
            if (held) {
                HELD_ERRORS.incrementAndGet();
            }
        }
        return result;
    }

    static int total() {
        return KINDS.values().stream().mapToInt(k -> k.millis().size()).sum();
    }

    static int errors() {
        return KINDS.values().stream().mapToInt(k -> k.errors()[0]).sum();
    }

    static void print(double seconds) {
        System.out.printf(
                "[load] %-34s %7s %7s %7s %7s %7s %7s%n",
                "request kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        List<Integer> all = new ArrayList<>();
        KINDS.forEach((name, kind) -> {
            List<Integer> sorted;
            synchronized (kind.millis()) {
                sorted = new ArrayList<>(kind.millis());
            }
            Collections.sort(sorted);
            all.addAll(sorted);
            line(name, sorted, kind.errors()[0]);
        });
        Collections.sort(all);
        line("ALL", all, errors());
        List<Integer> held;
        synchronized (HELD) {
            held = new ArrayList<>(HELD);
        }
        Collections.sort(held);
        line("ALL, in the hold only", held, HELD_ERRORS.get()); // the ramp's logins and the final logouts left out
        System.out.printf(
                "[load] throughput: %d requests in %.0f s = %.1f requests/s%n",
                all.size(), seconds, all.size() / seconds);
    }

    private static void line(String name, List<Integer> sorted, int errors) {
        System.out.printf(
                "[load] %-34s %7d %7d %7d %7d %7d %7d%n",
                name,
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                errors);
    }

    /** Nearest-rank percentile. */
    private static int percentile(List<Integer> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
