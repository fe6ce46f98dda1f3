package vn.gov.moha.portal.notification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/**
 * Times the deadline scan and the report-reminder scan on a generated database (not run by
 * {@code mvn verify}: the name does not end in Test). The generator writes dated assignments only, so
 * it first turns every second open assignment into an ongoing one (monthly, quarterly, six-monthly or
 * yearly by id) and files some November reports under their monthly period; then scans twice as of
 * {@code -Dbench.day} (default Thursday 17/12/2026: the reports of December, Q4, the second half and the
 * year 2026 are due on Monday 21/12, two working days on), first writing the notices, then finding
 * nothing new. It changes the database: point it at a copy.
 * <pre>
 * mvn -o test -Dtest=ReminderScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false -De2e.skip=true \
 *     -Dbench.dir=/tmp/reminders-perf -Dspring.flyway.out-of-order=true '-Dbench.h2=;QUERY_CACHE_SIZE=0'
 * </pre>
 */
@PortalTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, cleanDatabase = false)
class ReminderScanBenchmark extends KaribuTest {

    private static final Path DIR = Path.of(System.getProperty("bench.dir", "/tmp/reminders-perf"));

    @DynamicPropertySource
    static void bigDatabase(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + DIR.resolve("portal") + System.getProperty("bench.h2", ""));
        registry.add("portal.files.dir", () -> DIR.resolve("files").toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineScanner deadlines;

    @Autowired
    ReportReminders reports;

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private DeadlineScanner.Result timed(String what, Supplier<DeadlineScanner.Result> scan) {
        long start = System.nanoTime();
        DeadlineScanner.Result r = scan.get();
        System.out.printf(
                "BENCH %s: %d written, %d already there, %.1f ms (load %s)%n",
                what, r.created(), r.alreadyThere(), (System.nanoTime() - start) / 1e6, loadAverage());
        return r;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    @Test
    void scanTwice() {
        LocalDate day = LocalDate.parse(System.getProperty("bench.day", "2026-12-17"));
        if (count("select count(*) from assignment where reporting_period is not null") == 0) {
            int turned = jdbc.update("update assignment set deadline = null, reporting_period = case mod(id, 10) "
                    + "when 0 then 'MONTHLY' when 2 then 'MONTHLY' when 4 then 'QUARTERLY' when 6 then 'SEMIANNUAL' "
                    + "else 'ANNUAL' end where completed_on is null and mod(id, 2) = 0");
            // November 2026 (data 15/10-14/11, due 20/11): the monthly ones with a report sent by 20/11 of
            // id divisible by 4 filed it under 2026-M11; the others owe it (a "missing" notice each)
            int filed =
                    jdbc.update("update progress_report set period_key = '2026-M11', period_start = date '2026-10-15', "
                            + "period_end = date '2026-11-14' where first_submitted_at >= timestamp '2026-11-01 00:00:00' "
                            + "and first_submitted_at < timestamp '2026-11-21 00:00:00' and assignment_id in "
                            + "(select id from assignment where reporting_period = 'MONTHLY' and mod(id, 4) = 0)");
            System.out.printf(
                    "BENCH prepared: %d open assignments made ongoing, %d reports filed under 2026-M11%n",
                    turned, filed);
        }
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
        System.out.printf(
                "BENCH data: %d assignments (%d open: %d dated, %d ongoing by kind %s), %d coordinating "
                        + "links, %d reports, %d people; scan day %s%n",
                count("select count(*) from assignment"),
                count("select count(*) from assignment where completed_on is null"),
                count("select count(*) from assignment where completed_on is null and deadline is not null"),
                count("select count(*) from assignment where completed_on is null and reporting_period is not null"),
                jdbc.queryForList(
                        "select reporting_period || '=' || count(*) from assignment where completed_on is null "
                                + "and reporting_period is not null group by reporting_period order by 1",
                        String.class),
                count("select count(*) from assignment_coordinator"),
                count("select count(*) from progress_report"),
                count("select count(*) from app_user"),
                day);
        timed("report scan 1 (writes)", () -> reports.scan(day));
        for (int i = 2; i <= 6; i++) {
            timed("report scan " + i + " (nothing new)", () -> reports.scan(day));
        }
        timed("deadline scan 1 (writes)", () -> deadlines.scan(day));
        for (int i = 2; i <= 4; i++) {
            timed("deadline scan " + i + " (nothing new)", () -> deadlines.scan(day));
        }
        System.out.printf(
                "BENCH notices by kind and text: %s%n",
                jdbc.queryForList(
                        "select kind || ' '"
                                + " || message_key || '=' || count(*) from notification group by kind, message_key order by 1",
                        String.class));
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
    }
}
