package vn.gov.moha.portal.workflow.reporting;

import static java.time.LocalDate.of;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * A small generated dataset of ongoing assignments and their periodic reports in 2024, whose
 * statuses are worked out by hand in the comments (default rules: quarterly data cut off on the
 * 14th of March/June/September/December, due on the 20th; monthly on the 14th, due the 20th). A bean of every
 * {@code @PortalTest}: a test calls {@link #load()} in its {@code @BeforeEach} and keeps the assignment ids.
 */
public class ReportingFixture {

    /** The assignments of the dataset, named as in the comments of {@link #load()}. */
    public record Ids(long a, long b, long c, long d, long e, long f, long g) {}

    private final WorkflowFixture workflow;
    private final AssignmentService assignments;
    private final ReportedMonths reportedMonths;
    private final ReportingPeriods periods;
    private final JdbcTemplate jdbc;
    private final TestUsers users;

    ReportingFixture(
            WorkflowFixture workflow,
            AssignmentService assignments,
            ReportedMonths reportedMonths,
            ReportingPeriods periods,
            JdbcTemplate jdbc,
            TestUsers users) {
        this.workflow = workflow;
        this.assignments = assignments;
        this.reportedMonths = reportedMonths;
        this.periods = periods;
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Task 2 quarterly to Hà Nội (A), Đà Nẵng (B), Lâm Đồng (C), Hải Phòng (D), Cần Thơ (F) and Hà Giang
     * (G, merged on 1/7/2025); task 3 monthly to Hà Nội (E); task 8 with a deadline to Lâm Đồng (never in
     * the periodic figures). Dates moved back into 2024, reports written straight into the table.
     */
    public Ids load() {
        PriorityTask t2 = workflow.task(2);
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        Map<String, Long> unit = Map.of(
                "A",
                workflow.unit("SNV-01").getId(),
                "B",
                workflow.unit("SNV-48").getId(),
                "C",
                workflow.unit("SNV-68").getId(),
                "D",
                workflow.unit("SNV-31").getId(),
                "F",
                workflow.unit("SNV-92").getId());
        users.login("quanly");
        assignments.assign(ongoing(t2, Set.copyOf(unit.values()), ReportingPeriod.QUARTERLY));
        assignments.assign(ongoing(t3, Set.of(unit.get("A")), ReportingPeriod.MONTHLY));
        users.logout();
        users.login("quanly.cchc");
        assignments.assign(
                workflow.draft(t8, Set.of(unit.get("C")), LocalDate.now().plusDays(30)));
        users.logout();
        long a = assignmentOf(t2, "SNV-01");
        long b = assignmentOf(t2, "SNV-48");
        long c = assignmentOf(t2, "SNV-68");
        long d = assignmentOf(t2, "SNV-31");
        long f = assignmentOf(t2, "SNV-92");
        long e = assignmentOf(t3, "SNV-01");
        // Hà Giang is no longer a unit one can assign to; its 2024 assignment is written directly
        jdbc.update(
                "insert into assignment (task_id, lead_unit_id, reporting_period, expected_output, created_by, "
                        + "created_at) values (?, ?, 'QUARTERLY', 'Đề án', ?, ?)",
                t2.getId(),
                workflow.unit("SNV-02").getId(),
                userId("quanly"),
                LocalDateTime.of(2024, 1, 5, 9, 0));
        long g = assignmentOf(t2, "SNV-02");

        for (long id : List.of(a, b, c, f)) {
            created(id, of(2024, 1, 5));
        }
        created(d, of(2024, 4, 1)); // after Q1's cut-off (14/03): Q1 not owed
        created(e, of(2024, 5, 20)); // monthly, after May's cut-off (14/05): first owed is June
        jdbc.update("update assignment set completed_on = ?, percent_complete = 100 where id = ?", of(2024, 4, 10), f);

        sent(a, "2024-Q1", LocalDateTime.of(2024, 3, 20, 23, 59, 59), "APPROVED"); // on the due day: on time
        sent(a, "2024-Q2", LocalDateTime.of(2024, 6, 21, 8, 0), "APPROVED"); // a day late
        sent(a, "2024-Q3", LocalDateTime.of(2024, 7, 1, 10, 0), "SUBMITTED"); // early: on time
        sent(b, "2024-Q1", LocalDateTime.of(2024, 3, 21, 0, 0), "APPROVED"); // first second after: late
        sent(c, "2024-Q1", null, "DRAFT"); // a draft is not a report
        sent(c, "2024-Q2", LocalDateTime.of(2024, 6, 10, 9, 0), "RETURNED"); // first sent on time,
        sent(c, "2024-Q2", LocalDateTime.of(2024, 6, 25, 9, 0), "APPROVED"); // updated later: on time
        sent(d, "2024-Q2", LocalDateTime.of(2024, 6, 20, 10, 0), "APPROVED");
        sent(f, "2024-Q1", LocalDateTime.of(2024, 3, 18, 9, 0), "APPROVED");
        sent(f, "2024-Q2", LocalDateTime.of(2024, 4, 5, 9, 0), "APPROVED"); // the report that completed it
        sent(e, "2024-M06", LocalDateTime.of(2024, 6, 19, 16, 0), "APPROVED");
        return new Ids(a, b, c, d, e, f, g);
    }

    public static Map<PeriodStatus, Long> counts(long onTime, long late, long missing, long notDue) {
        return Map.of(
                        PeriodStatus.ON_TIME,
                        onTime,
                        PeriodStatus.LATE,
                        late,
                        PeriodStatus.MISSING,
                        missing,
                        PeriodStatus.NOT_DUE,
                        notDue)
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        Map.Entry::getValue,
                        (x, y) -> x,
                        () -> new java.util.EnumMap<>(PeriodStatus.class)));
    }

    public static List<Period> begun(List<Period> all, LocalDate today) {
        return all.stream().filter(p -> !p.from().isAfter(today)).toList();
    }

    public static String cell(ReportingRow r) {
        return r.unitCode() + " " + r.period().key() + " " + r.status();
    }

    public static void print(String title, List<ReportingRow> rows) {
        System.out.println(title + ": " + rows.size() + " rows");
        rows.forEach(r -> System.out.printf(
                "  %-7s %-9s %-8s due %s first sent %s%n",
                r.unitCode(),
                r.period().key(),
                r.status(),
                r.period().due(),
                r.submittedAt() == null ? "-" : r.submittedAt()));
    }

    public AssignDraft ongoing(PriorityTask task, Set<Long> leads, ReportingPeriod kind) {
        return new AssignDraft(
                task.getId(),
                leads,
                Set.of(),
                true,
                null,
                kind,
                "Đề án sắp xếp đơn vị sự nghiệp",
                List.of(),
                null,
                null,
                WorkflowFixture.document());
    }

    public long assignmentOf(PriorityTask task, String unitCode) {
        return jdbc.queryForObject(
                "select a.id from assignment a join org_unit u on u.id = a.lead_unit_id "
                        + "where a.task_id = ? and u.code = ?",
                Long.class,
                task.getId(),
                unitCode);
    }

    public long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    public void created(long assignmentId, LocalDate day) {
        jdbc.update("update assignment set created_at = ? where id = ?", day.atTime(9, 0), assignmentId);
    }

    public Assignment current(long assignmentId) {
        users.login("admin");
        Assignment found = assignments.find(assignmentId).orElseThrow();
        users.logout();
        return found;
    }

    /** A report of the lead unit for the period, first submitted at that time (null: never submitted). */
    public void sent(long assignmentId, String key, LocalDateTime firstSubmitted, String status) {
        Period p = periods.byKey(key).orElseThrow();
        long officer = userId("admin");
        long unitId = jdbc.queryForObject("select lead_unit_id from assignment where id = ?", Long.class, assignmentId);
        jdbc.update(
                "insert into progress_report (assignment_id, unit_id, percent_complete, confidence, narrative, "
                        + "status, round, current_step, created_by, created_at, submitted_by, submitted_at, "
                        + "first_submitted_at, period_key, period_start, period_end) "
                        + "values (?, ?, 50, 'ON_TRACK', 'Báo cáo kỳ', ?, 1, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                assignmentId,
                unitId,
                status,
                officer,
                p.from().atStartOfDay(),
                firstSubmitted == null ? null : officer,
                firstSubmitted,
                firstSubmitted,
                key,
                p.from(),
                p.to());
        reportedMonths.refresh(assignmentId); // as the portal does when a report changes
    }
}
