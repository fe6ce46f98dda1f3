package vn.gov.moha.portal.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/**
 * The data generator on a database of its own (H2 in memory, or its own embedded PostgreSQL on the
 * postgres run): impossible scales and a non-empty database are refused without a change; the small
 * preset fills the tables, keeps the event log's chain whole, and a unit officer sees only their own
 * unit's work afterwards; a run stopped half-way goes on where it stopped and ends exactly where an
 * uninterrupted run ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PortalTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, cleanDatabase = false)
class DataGeneratorTest extends KaribuTest {

    static final Path FILES = Path.of("target/generator-test-files").toAbsolutePath();
    static final LocalDateTime UNTIL = LocalDateTime.of(2026, 11, 28, 12, 0);
    static final List<String> TABLES = List.of(
            "app_user",
            "priority_task",
            "programme_year",
            "assignment",
            "assignment_coordinator",
            "indicator",
            "deadline_change",
            "progress_report",
            "indicator_value",
            "evidence_file",
            "approval_decision",
            "extension_request",
            "contribution",
            "event_log");

    /** What the uninterrupted small run left: row counts and the chain's last hash. */
    static Map<String, Long> fullRun;

    static String fullRunHead;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:generator-test;DB_CLOSE_DELAY=-1");
        registry.add("portal.files.dir", FILES::toString);
    }

    @Autowired
    DataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventLog eventLog;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ReportService reports;

    @Autowired
    MyWorkService myWork;

    @Autowired
    DashboardService dashboard;

    @Test
    @Order(1)
    void impossibleScalesAreRefusedAndChangeNothing() {
        Map<String, Long> before = counts();
        Map<String, ThrowingCallable> attempts = new LinkedHashMap<>();
        attempts.put("unknown preset 'huge'", () -> Scale.of("huge", null, null, null));
        attempts.put("no preset", () -> Scale.of(null, null, null, null));
        attempts.put("negative tasks", () -> Scale.of("large", -5, null, null));
        attempts.put("absurd tasks 100000", () -> Scale.of("large", 100_000, null, null));
        attempts.put("64 provinces", () -> Scale.of("medium", null, 64, null));
        attempts.put("every 0 weeks", () -> Scale.of("small", null, null, 0));
        attempts.put("control characters", () -> Scale.of("sm\u0000all", null, null, null));
        for (var attempt : attempts.entrySet()) {
            assertThatThrownBy(attempt.getValue())
                    .as(attempt.getKey())
                    .isInstanceOfSatisfying(GeneratorException.class, e -> {
                        System.out.printf("refused %-22s -> %s | %s%n", attempt.getKey(), e.vietnamese(), e.english());
                        assertThat(e.vietnamese()).isNotBlank().doesNotContain("\u0000");
                        assertThat(e.english()).isNotBlank();
                        assertThat(e.getMessage()).contains(e.vietnamese()).contains(e.english());
                    });
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void smallPresetFillsAnEmptyDatabase() {
        wipe();
        assertThat(jdbc.queryForObject("select count(*) from assignment", Long.class))
                .isZero();
        String output = generate(settings(false, 0));
        System.out.println(output);
        Map<String, Long> counts = counts();
        System.out.println("rows after the small preset: " + counts);
        assertThat(output).contains("[1/").contains("rows/s").contains("ETA").contains("Rows written per table");

        assertThat(counts.get("programme_year")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from priority_task where programme_year = 2026", Long.class))
                .isEqualTo(10);
        // 3 provinces + 2 departments per task (its lead and one coordinating), 10 tasks a year, 3 years
        assertThat(counts.get("assignment")).isEqualTo(150);
        assertThat(counts.get("progress_report")).isBetween(600L, 3000L);
        for (String table : List.of(
                "indicator_value",
                "approval_decision",
                "evidence_file",
                "extension_request",
                "contribution",
                "deadline_change",
                "assignment_coordinator")) {
            assertThat(counts.get(table)).as(table).isPositive();
        }
        Map<String, Long> byStatus =
                jdbc.queryForList("select status, count(*) n from progress_report group by status").stream()
                        .collect(Collectors.toMap(
                                r -> (String) r.get("STATUS"), r -> ((Number) r.get("N")).longValue()));
        System.out.println("reports by status: " + byStatus);
        assertThat(byStatus).containsKey("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from assignment where completed_on is not null", Long.class))
                .isPositive();
        // each evidence row has its file, with the bytes its hash says
        List<Map<String, Object>> files = jdbc.queryForList("select stored_name, size_bytes from evidence_file");
        for (Map<String, Object> f : files) {
            Path file = FILES.resolve((String) f.get("STORED_NAME"));
            assertThat(file).exists();
            assertThat(file.toFile().length())
                    .isEqualTo(((Number) f.get("SIZE_BYTES")).longValue())
                    .isBetween(100L, 1000L);
        }

        login("admin");
        assertThat(eventLog.firstBrokenEntry())
                .as("first broken entry of the event log")
                .isEmpty();
        logout();
        fullRun = counts;
        fullRunHead = head();
    }

    @Test
    @Order(3)
    void aUnitOfficerSeesOnlyTheirUnitsWork() {
        Long lamDong = jdbc.queryForObject("select id from org_unit where code = 'SNV-68'", Long.class);
        long expected = jdbc.queryForObject(
                "select count(*) from assignment a join priority_task t on t.id = a.task_id "
                        + "where t.programme_year = 2025 and (a.lead_unit_id = ? or exists (select 1 from assignment_coordinator c "
                        + "where c.assignment_id = a.id and c.unit_id = ?))",
                Long.class,
                lamDong,
                lamDong);
        long all = jdbc.queryForObject(
                "select count(*) from assignment a join priority_task t on t.id = a.task_id "
                        + "where t.programme_year = 2025",
                Long.class);
        for (String officer : List.of("g.snv-68.cv", "lamdong.cv")) {
            PortalUser me = login(officer);
            List<Assignment> mine = assignments.list(2025, null, "", 0, 1000);
            System.out.printf(
                    "%s sees %d of the %d assignments of 2025 (their unit's: %d)%n",
                    officer, mine.size(), all, expected);
            assertThat(mine).hasSize((int) expected).isNotEmpty();
            assertThat(assignments.count(2025, null, "")).isEqualTo(expected);
            assertThat(mine).allSatisfy(a -> assertThat(a.getLeadUnit().getId()).isEqualTo(me.unitId()));
            for (Assignment a : mine.subList(0, 3)) {
                List<ProgressReport> theirs = reports.reportsOf(a.getId());
                assertThat(theirs)
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.getUnit().getId()).isEqualTo(me.unitId()));
            }
            Set<Long> units = myWork.items().stream()
                    .map(i -> i.assignment().getLeadUnit().getId())
                    .collect(Collectors.toSet());
            assertThat(units).isSubsetOf(Set.of(me.unitId()));
            var matrix = dashboard.matrix(DashboardFilter.of(2025), true);
            assertThat(matrix.columns()).allSatisfy(c -> assertThat(c.id()).isEqualTo(me.unitId()));
            // another province's assignment is refused
            Long other = jdbc.queryForObject(
                    "select min(a.id) from assignment a join org_unit u on u.id = a.lead_unit_id "
                            + "where u.code = 'SNV-01'",
                    Long.class);
            assertThat(assignments.find(other)).isEmpty();
            logout();
        }
    }

    @Test
    @Order(4)
    void aNonEmptyDatabaseIsRefusedWithoutAppend() {
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> generate(settings(false, 0))).isInstanceOfSatisfying(GeneratorException.class, e -> {
            System.out.println("refused a second run: " + e.getMessage());
            assertThat(e.vietnamese()).contains("đã có dữ liệu").contains("portal.generate.append=true");
            assertThat(e.english()).contains("not empty").contains("Nothing was changed");
        });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aStoppedRunGoesOnWhereItStoppedAndEndsTheSame() {
        wipe();
        String first = generate(settings(false, 40));
        assertThat(first).contains("Stopped after 40 weeks");
        long partial = jdbc.queryForObject("select count(*) from progress_report", Long.class);
        System.out.printf(
                "stopped after 40 weeks: %d reports (a whole run makes %d)%n", partial, fullRun.get("progress_report"));
        assertThat(partial).isPositive().isLessThan(fullRun.get("progress_report"));

        // a second run, without append: it finds the unfinished run in the log and finishes it
        String second = generate(settings(false, 0));
        assertThat(second).contains("resuming after week 40");
        Map<String, Long> counts = counts();
        System.out.println("rows after the resumed run: " + counts);
        assertThat(counts).isEqualTo(fullRun);
        assertThat(head())
                .as("the event chain's last hash, as after the uninterrupted run")
                .isEqualTo(fullRunHead);
        login("admin");
        assertThat(eventLog.firstBrokenEntry()).isEmpty();
        logout();
    }

    private DataGenerator.Settings settings(boolean append, int stopAfter) {
        return new DataGenerator.Settings(
                Scale.of("small", null, null, null), 7, append, UNTIL, "Demo@2024", stopAfter);
    }

    private String generate(DataGenerator.Settings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.run(settings, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private String head() {
        return jdbc.queryForObject("select last_hash from event_chain_head where id = 1", String.class);
    }

    /** Removes the work (not the people, tasks or years), as before the first run. */
    private void wipe() {
        for (String table : List.of(
                "contribution",
                "approval_decision",
                "evidence_file",
                "indicator_value",
                "progress_report",
                "extension_request",
                "deadline_change",
                "indicator",
                "assignment_coordinator",
                "assignment",
                "event_log")) {
            jdbc.update("delete from " + table);
        }
        jdbc.update("update event_chain_head set last_hash = ?, last_id = 0", "0".repeat(64));
        try {
            Files.createDirectories(FILES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
