package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import vn.gov.moha.portal.KaribuTest;

/**
 * Opens one assignment page (route assignments/:id) as the leader on the demo data and prints the SQL
 * statements one open sends and its time, averaged over {@code -Dbench.opens} opens (default 20) after 5
 * warm-up opens. Each open is a new browser session, so the layout's own statements are counted too. Not run
 * by {@code mvn verify} (the name does not end in Test):
 * <pre>
 * mvn -o test-compile surefire:test -Dtest=AssignmentPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false -De2e.skip=true
 * </pre>
 */
@Import(AssignmentPageBenchmark.Counting.class)
@TestPropertySource(
        properties = {
            "portal.demo.workflow=true",
            "spring.datasource.url=jdbc:h2:mem:assignment-page-bench;DB_CLOSE_DELAY=-1",
            "portal.files.dir=target/bench-page-files"
        })
class AssignmentPageBenchmark extends KaribuTest {

    static final AtomicLong STATEMENTS = new AtomicLong();

    @Autowired
    JdbcTemplate jdbc;

    /** Wraps the pool so every statement prepared or created on a connection is counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())
                            ? proxy(DataSource.class, ds, (target, method, args) -> {
                                Object result = invoke(method, target, args);
                                return method.getName().equals("getConnection")
                                        ? proxy(Connection.class, result, AssignmentPageBenchmark::counting)
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

    static Object counting(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
            STATEMENTS.incrementAndGet();
        }
        return invoke(method, target, args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) ->
                method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")
                        ? invoke(method, target, args)
                        : handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(AssignmentPageBenchmark.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void openOneAssignmentPage() {
        int opens = Integer.getInteger("bench.opens", 20);
        // the demo's busiest assignment (most history), and the one with an extension waiting for a leader
        Long busiest = jdbc.queryForObject(
                "select assignment_id from event_log where assignment_id is not null "
                        + "group by assignment_id order by count(*) desc, assignment_id limit 1",
                Long.class);
        Long pending = jdbc.queryForObject(
                "select min(assignment_id) from extension_request where status = 'PENDING'", Long.class);
        for (Long id : List.of(busiest, pending)) {
            System.out.printf(
                    "BENCH assignment %d: %d reports, %d history entries, %d extension requests, "
                            + "%d contributions, %d deadline changes%n",
                    id,
                    count("progress_report", id),
                    count("event_log", id),
                    count("extension_request", id),
                    count("contribution", id),
                    count("deadline_change", id));
            for (int i = 0; i < 5; i++) {
                open(id);
            }
            List<Double> millis = new ArrayList<>();
            long statements = 0;
            for (int i = 0; i < opens; i++) {
                long[] one = open(id);
                statements += one[0];
                millis.add(one[1] / 1e6);
            }
            Collections.sort(millis);
            System.out.printf(
                    "BENCH assignment page %d as lanhdao: %.1f SQL statements per open, mean %.1f ms, "
                            + "median %.1f ms (min %.1f, max %.1f) over %d opens%n",
                    id,
                    statements / (double) opens,
                    millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    millis.get(opens / 2),
                    millis.get(0),
                    millis.get(opens - 1),
                    opens);
        }
    }

    /** One open in a new browser session: the statements it sent and its time in nanoseconds. */
    private long[] open(Long id) {
        newSession();
        login("lanhdao");
        long before = STATEMENTS.get();
        long start = System.nanoTime();
        navigate("assignments/" + id);
        long took = System.nanoTime() - start;
        _get(AssignmentView.class);
        return new long[] {STATEMENTS.get() - before, took};
    }

    private long count(String table, Long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where assignment_id = ?", Long.class, id);
    }
}
