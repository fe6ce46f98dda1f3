package vn.gov.moha.portal.generator;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.DataCommunicator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/**
 * Not a test (Surefire's patterns do not pick it up): the measurements of docs/benchmarks.md. Run with
 * {@code mvn -o test -Dtest=LargeDataBenchmark -De2e.skip=true -Dsurefire.failIfNoSpecifiedTests=false}: it runs
 * once on H2 (a file database under /tmp/perf-h2, kept for later runs) and once on the embedded PostgreSQL 17.
 * It fills the database with the preset {@code -Dbench.scale} (default large) unless a finished run is there,
 * then times the dashboard blocks, the assignment grid's pages and "my work" as the screens call them, and
 * counts the SQL statements each sends (every statement prepared or created on a connection).
 */
@Import(LargeDataBenchmark.Counting.class)
@PortalTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, cleanDatabase = false)
class LargeDataBenchmark extends KaribuTest {

    static final AtomicLong STATEMENTS = new AtomicLong();
    static final String SCALE = System.getProperty("bench.scale", "large");
    static final Path DIR = Path.of(System.getProperty("bench.dir", "/tmp/perf-h2"));

    @DynamicPropertySource
    static void bigDatabase(DynamicPropertyRegistry registry) {
        // H2 answers a repeated query from its result cache while no table changed; -Dbench.h2=;QUERY_CACHE_SIZE=0
        // measures each call's real work
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + DIR.resolve("portal") + System.getProperty("bench.h2", ""));
        registry.add("portal.files.dir", () -> DIR.resolve("files").toString());
    }

    /** Wraps the pool so every statement sent is counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof com.zaxxer.hikari.HikariDataSource pool
                            && pool.getJdbcUrl() != null
                            && pool.getJdbcUrl().startsWith("jdbc:postgresql")) {
                        pool.addDataSourceProperty("reWriteBatchedInserts", "true"); // before its first connection
                    }
                    return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))
                            ? proxy(DataSource.class, ds, (target, method, args) -> {
                                Object result = invoke(method, target, args);
                                return method.getName().equals("getConnection")
                                        ? proxy(Connection.class, result, LargeDataBenchmark::countingConnection)
                                        : result;
                            })
                            : bean;
                }
            };
        }
    }

    interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    static Object countingConnection(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
            STATEMENTS.incrementAndGet();
            Object statement = invoke(method, target, args);
            if (name.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                // from prepared to closed: binding, running and reading the rows
                long start = System.nanoTime();
                return proxy(java.sql.PreparedStatement.class, statement, (t, m, a) -> {
                    if (m.getName().equals("close")) {
                        TIMED.add(new Timed(
                                sql.length() > 110 ? sql.substring(0, 110) + "..." : sql,
                                (System.nanoTime() - start) / 1e6));
                    }
                    return invoke(m, t, a);
                });
            }
            return statement;
        }
        return invoke(method, target, args);
    }

    /** The statements of the current call, each with its time from prepared to closed. */
    static final List<Timed> TIMED = Collections.synchronizedList(new ArrayList<>());

    record Timed(String sql, double millis) {}

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(LargeDataBenchmark.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Autowired
    DataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Autowired
    AssignmentService assignments;

    @Autowired
    MyWorkService myWork;

    @Test
    void measure() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String db = jdbc.queryForObject("select 1", Integer.class) == 1
                        && "postgres".equals(System.getProperty("portal.test.db"))
                ? "PostgreSQL 17 (zonky embedded)"
                : "H2 (file " + DIR + ")";
        out.println("=== LargeDataBenchmark on " + db + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage());
        long reports = jdbc.queryForObject("select count(*) from progress_report", Long.class);
        String head = jdbc.queryForObject(
                "select coalesce(max(action), '') from event_log where id = "
                        + "(select last_id from event_chain_head where id = 1)",
                String.class);
        double minutes = Double.parseDouble(System.getProperty("bench.minutes", "0"));
        boolean generate = Boolean.parseBoolean(System.getProperty("bench.generate", "true"));
        if (generate && (reports == 0 || head.equals("GENERATE"))) {
            // in slices of a few weeks, each a run that resumes the previous one, until done or out of time
            out.println("--- generator, preset " + SCALE + " (load average before: " + loadAverage() + ")"
                    + (minutes > 0 ? ", at most " + minutes + " minutes" : ""));
            long start = System.nanoTime();
            LocalDateTime until = LocalDateTime.now(ZoneOffset.UTC);
            while (true) {
                DataGenerator.Result r = generator.run(
                        new DataGenerator.Settings(
                                Scale.of(SCALE, null, null, null), 2024, false, until, "Demo@2024", 8),
                        out);
                if (r.firstChunk() + r.chunksDone() >= r.chunks()) {
                    break;
                }
                if (minutes > 0 && (System.nanoTime() - start) / 60e9 > minutes) {
                    out.println("--- out of time: the generator stops here (run again to go on)");
                    break;
                }
            }
            out.println("--- generator done (load average after: " + loadAverage() + ")");
        } else {
            out.println("--- the database already holds " + reports + " reports; not generating");
        }
        for (String table : List.of(
                "assignment",
                "progress_report",
                "indicator_value",
                "approval_decision",
                "evidence_file",
                "extension_request",
                "contribution",
                "event_log")) {
            out.printf("rows %-18s %,12d%n", table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }

        // the programme year measured: the one with the most assignments (a stopped run has only the first)
        int year = Integer.parseInt(System.getProperty("bench.year", "2024"));
        login("lanhdao");
        DashboardFilter f = DashboardFilter.of(year);
        String dump = System.getProperty("bench.dump");
        if (dump != null) {
            // every dashboard figure in full, to compare two versions of the code on the same data
            Path file =
                    Path.of(dump + ("postgres".equals(System.getProperty("portal.test.db")) ? "-pg.txt" : "-h2.txt"));
            java.nio.file.Files.writeString(
                    file,
                    String.join(
                            System.lineSeparator(),
                            "headline " + dashboard.headline(f),
                            "matrix " + dashboard.matrix(f, false),
                            "matrix rolled up " + dashboard.matrix(f.withRollUp(true), false),
                            "states by task " + dashboard.statesByTask(f),
                            "progress by month " + dashboard.progressByMonth(f),
                            "late units " + dashboard.lateUnits(f),
                            ""),
                    StandardCharsets.UTF_8);
            out.println("--- figures written to " + file);
        }
        time(out, "dashboard headline (leader, " + year + ")", () -> dashboard.headline(f));
        time(
                out,
                "dashboard matrix (leader, " + year + ")",
                () -> dashboard.matrix(f, false).cells().size());
        time(
                out,
                "dashboard matrix rolled up (leader)",
                () -> dashboard.matrix(f.withRollUp(true), false).cells().size());
        // the same statements once more: by now PostgreSQL runs them on the plan it keeps for a prepared statement
        // (the JDBC driver prepares a statement on the server from its 5th run, the server keeps a generic plan
        // from the 5th run after that), as a pooled connection does after a few calls
        time(
                out,
                "dashboard matrix, plan kept (leader)",
                () -> dashboard.matrix(f, false).cells().size());
        time(
                out,
                "dashboard states by task (leader)",
                () -> dashboard.statesByTask(f).size());
        time(
                out,
                "dashboard progress by month (leader)",
                () -> dashboard.progressByMonth(f).size());
        time(out, "dashboard late units (leader)", () -> dashboard.lateUnits(f).size());
        long total = assignments.count(year, null, "");
        out.println("assignments of " + year + " the leader sees: " + total);
        time(out, "assignment grid count (leader)", () -> assignments.count(year, null, ""));
        for (long offset : new long[] {0, total / 2, Math.max(0, total - 50)}) {
            time(
                    out,
                    "assignment grid page of 50 at offset " + offset,
                    () -> assignments.list(year, null, "", (int) offset, 50).size());
        }
        time(
                out,
                "assignment grid search 'lam dong' page",
                () -> assignments.list(year, null, "lam dong", 0, 50).size());
        time(out, "my work count (leader)", () -> myWork.count());
        logout();
        login("g.v-tcbc.quanly");
        time(out, "dashboard headline (manager)", () -> dashboard.headline(f));
        time(
                out,
                "dashboard matrix (manager)",
                () -> dashboard.matrix(f, true).cells().size());
        time(out, "my work count (manager)", () -> myWork.count());
        logout();
        login("lamdong.truong");
        time(out, "my work count (unit head)", () -> myWork.count());
        logout();
        login("lamdong.cv");
        time(
                out,
                "dashboard matrix (unit officer)",
                () -> dashboard.matrix(f, true).cells().size());
        time(out, "my work count (unit officer)", () -> myWork.count());
        logout();
        out.println("=== end (load average " + loadAverage() + ")");
    }

    /**
     * Grids scrolled as a browser scrolls them: the viewport moves down a page of 50 rows at a time, the
     * server sends those rows, the client confirms the update (as Vaadin's grid connector does, which lets
     * the server forget the rows that left the viewport). Per scroll: the statements sent. Memory: the live
     * heap after a full GC, once the database's own cache is warm (a first pass through all the rows), with
     * the view scrolled to row 1,000 and then to the end, minus the heap with the view closed. After each
     * round trip the changes and JavaScript calls queued for the browser are taken out, as writing the
     * response does (Karibu writes none; without this every page sent would stay queued in memory).
     */
    @Test
    void scroll() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("=== grids scrolled, load average " + loadAverage());
        int limit = Integer.getInteger("bench.rows", 100_000);
        login("admin");
        scroll(out, "admin/audit", "event log grid (Nhật ký hệ thống), newest first", limit);
        logout();
        login("lanhdao");
        scroll(out, "assignments", "assignment grid (Giao nhiệm vụ), leader, one programme year", limit);
        logout();
        out.println("=== end (load average " + loadAverage() + ")");
    }

    private void scroll(PrintStream out, String route, String what, int limit) throws Exception {
        navigate(route);
        int rows = Math.min(limit, gridOf().getDataCommunicator().getItemCount());
        pass(gridOf(), rows, null); // warms the database's cache and the code paths
        navigate("");
        long closed = liveHeap();
        navigate(route);
        Grid<?> grid = gridOf();
        long[] perScroll = new long[3]; // scrolls, statements, most statements in one scroll
        long heap1000 = pass(grid, Math.min(1_000, rows), perScroll) - closed;
        String held1000 = held(grid);
        long heapEnd = pass(grid, rows, perScroll) - closed;
        String heldEnd = held(grid);
        out.printf(
                "%s: %,d rows (of %,d) in %,d scrolls of 50, %.2f statements per scroll (at most %d)%n"
                        + "  at row 1,000: %s; live heap of the open view %,d KB%n"
                        + "  at row %,d: %s; live heap of the open view %,d KB%n",
                what,
                rows,
                grid.getDataCommunicator().getItemCount(),
                perScroll[0],
                (double) perScroll[1] / perScroll[0],
                perScroll[2],
                held1000,
                heap1000 / 1024,
                rows,
                heldEnd,
                heapEnd / 1024);
        navigate("");
    }

    /** What the session holds for the grid: rows the server keeps keys for, and the UI's state nodes. */
    private static String held(Grid<?> grid) throws Exception {
        Object keyMapper = grid.getDataCommunicator().getKeyMapper();
        Field keys = com.vaadin.flow.data.provider.KeyMapper.class.getDeclaredField("keyObjectMap");
        keys.setAccessible(true);
        long[] nodes = new long[1];
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .getInternals()
                .getStateTree()
                .getRootNode()
                .visitNodeTree(n -> nodes[0]++);
        return String.format(
                "%,d rows kept by the grid's key mapper, %,d state nodes in the UI",
                ((java.util.Map<?, ?>) keys.get(keyMapper)).size(), nodes[0]);
    }

    private static Grid<?> gridOf() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(Grid.class);
    }

    /** Scrolls from where the grid's viewport is to row {@code to}; returns the live heap there when counting. */
    private static long pass(Grid<?> grid, int to, long[] count) throws Exception {
        DataCommunicator<?> dc = grid.getDataCommunicator();
        Field nextUpdateId = DataCommunicator.class.getDeclaredField("nextUpdateId");
        nextUpdateId.setAccessible(true);
        int start = count == null ? 0 : (int) (count[0] * 50);
        for (int row = start; row < to; row += 50) {
            long before = STATEMENTS.get();
            dc.setViewportRange(row, 50);
            respond();
            dc.confirmUpdate(nextUpdateId.getInt(dc) - 1);
            respond();
            if (count != null) {
                long sent = STATEMENTS.get() - before;
                count[0]++;
                count[1] += sent;
                count[2] = Math.max(count[2], sent);
            }
        }
        return count == null ? 0 : liveHeap();
    }

    /**
     * The end of a request as Vaadin writes its response (Karibu writes none): the server-side updates
     * run, then the changes and JavaScript calls queued for the browser are taken out and sent.
     */
    private static void respond() {
        MockVaadin.clientRoundtrip();
        var internals = com.vaadin.flow.component.UI.getCurrent().getInternals();
        internals.getStateTree().collectChanges(change -> {});
        internals.dumpPendingJavaScriptInvocations();
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs the call twice to warm up, then five times; prints the median and the statements of one call. */
    private static void time(PrintStream out, String what, Callable<?> call) throws Exception {
        call.call();
        call.call();
        List<Double> millis = new ArrayList<>();
        long statements = 0;
        Object result = null;
        List<List<Timed>> timed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TIMED.clear();
            long before = STATEMENTS.get();
            long start = System.nanoTime();
            result = call.call();
            millis.add((System.nanoTime() - start) / 1e6);
            statements = STATEMENTS.get() - before;
            timed.add(List.copyOf(TIMED));
        }
        Collections.sort(millis);
        out.printf(
                "%-45s median %8.1f ms  (min %8.1f, max %8.1f)  %3d SQL statements  -> %s%n",
                what, millis.get(2), millis.get(0), millis.get(4), statements, shortly(result));
        if (what.startsWith("dashboard")) {
            // each statement of the call with the median of its five times (the slow one shows which)
            for (int n = 0; n < timed.get(0).size(); n++) {
                int at = n;
                double[] each = timed.stream()
                        .filter(t -> t.size() > at)
                        .mapToDouble(t -> t.get(at).millis())
                        .sorted()
                        .toArray();
                out.printf(
                        "    %8.1f ms  %s%n",
                        each[each.length / 2], timed.get(0).get(n).sql());
            }
        }
    }

    private static String shortly(Object result) {
        String s = String.valueOf(result);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
