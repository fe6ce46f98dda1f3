package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.PortalTest;

/**
 * Two portal nodes on one database run a scheduled job once: the scheduled methods take their lock row
 * (table shedlock, V11) first, and a second scheduler that finds it taken skips the run. The second node
 * is a second lock provider on the same database, as another JVM would have; the runs are counted from
 * what the jobs do (the deadline scan's log line, a counter).
 */
@PortalTest
class SchedulerLockTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineScanner scanner;

    @Autowired
    DataSource dataSource;

    private final ListAppender<ILoggingEvent> scanLog = new ListAppender<>();

    @BeforeEach
    void noLocks() {
        jdbc.update("delete from shedlock");
        scanLog.start();
        ((Logger) LoggerFactory.getLogger(DeadlineScanner.class)).addAppender(scanLog);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(DeadlineScanner.class)).detachAppender(scanLog);
        jdbc.update("delete from shedlock");
    }

    /** Another node's scheduler: its own lock provider on the same database. */
    private LockingTaskExecutor otherNode() {
        return new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    private long scansRun() {
        return scanLog.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Deadline scan:"))
                .count();
    }

    @Test
    void theDeadlineScanStartedOnTwoNodesAtOnceRunsOnce() throws Exception {
        LockingTaskExecutor nodeB = otherNode();
        AtomicInteger runsOnB = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Object>> starts = List.of(
                    () -> { // this node's scheduler, twice (a slow run overlapping the next tick)
                        together.await();
                        scanner.scheduledScan();
                        return null;
                    },
                    () -> {
                        together.await();
                        scanner.scheduledScan();
                        return null;
                    },
                    () -> { // the other node, at the same cron tick
                        together.await();
                        nodeB.executeWithLock(
                                (Runnable) () -> {
                                    runsOnB.incrementAndGet();
                                    scanner.scan(java.time.LocalDate.now());
                                },
                                new LockConfiguration(
                                        Instant.now(), "deadline-scan", Duration.ofMinutes(10), Duration.ofMinutes(5)));
                        return null;
                    });
            for (Future<Object> f : threads.invokeAll(starts, 2, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        long total = scansRun() + runsOnB.get();
        System.out.printf(
                "Deadline scan started 3 times at once (2 on this node, 1 on another): ran %d times "
                        + "(this node %d, other node %d); lock row %s%n",
                total,
                scansRun(),
                runsOnB.get(),
                jdbc.queryForMap("select name, locked_by from shedlock where name = 'deadline-scan'"));
        assertThat(total).isEqualTo(1);

        // the next tick within the 5 minutes the lock is held (a node whose clock lags): skipped too
        scanner.scheduledScan();
        nodeB.executeWithLock(
                (Runnable) runsOnB::incrementAndGet,
                new LockConfiguration(Instant.now(), "deadline-scan", Duration.ofMinutes(10), Duration.ofMinutes(5)));
        System.out.printf("Two more starts within the lock's 5 minutes: runs now %d%n", scansRun() + runsOnB.get());
        assertThat(scansRun() + runsOnB.get()).isEqualTo(1);
    }

    @Test
    void twentyTicksOnTwoNodesGiveTwentyRuns() throws Exception {
        LockingTaskExecutor nodeA = otherNode();
        LockingTaskExecutor nodeB = otherNode();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int tick = 0; tick < 20; tick++) {
                String name = "outbox-send-test-" + tick; // one lock per tick: each tick is a fresh run
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Object>> nodes = new ArrayList<>();
                for (LockingTaskExecutor node : List.of(nodeA, nodeB)) {
                    nodes.add(() -> {
                        together.await();
                        node.executeWithLock(
                                (Runnable) () -> {
                                    if (running.incrementAndGet() > 1) {
                                        overlapping.incrementAndGet();
                                    }
                                    runs.incrementAndGet();
                                    running.decrementAndGet();
                                },
                                new LockConfiguration(
                                        Instant.now(), name, Duration.ofMinutes(1), Duration.ofSeconds(10)));
                        return null;
                    });
                }
                for (Future<Object> f : threads.invokeAll(nodes, 1, TimeUnit.MINUTES)) {
                    f.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.printf(
                "20 ticks, each started on two nodes at once: %d runs, %d overlapping%n",
                runs.get(), overlapping.get());
        assertThat(runs.get()).isEqualTo(20);
        assertThat(overlapping.get()).isZero();
    }
}
