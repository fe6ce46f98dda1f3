package vn.gov.moha.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * The dashboard's deadline figures against hand-written SQL over the tables (issue 17: "the figures on the
 * dashboard are checked against hand-written SQL in a test"): plain statements written from the rules, sharing
 * nothing with {@link DashboardQueries}, over the generated programme year ({@link DashboardDataset}): the four
 * states of dated assignments and the ongoing ones as their own group, for everything, per task, for a manager's
 * department and as of a past day. Runs on H2 and PostgreSQL.
 */
@PortalTest
class DashboardStatesSqlTest extends KaribuTest {

    /**
     * The rules, as a person states them: no deadline = ongoing (its own group, finished or not); completed (the
     * day the accepted report was sent) on or before the deadline = done on time, after = done late; not completed
     * by the day = overdue once the day is past the deadline, else on time. Only assignments given by the day.
     */
    private static final String BY_STATE = """
            select
              sum(case when a.deadline is null then 1 else 0 end) as ongoing,
              sum(case when a.deadline is not null and a.completed_on <= ? and a.completed_on <= a.deadline
                       then 1 else 0 end) as done_on_time,
              sum(case when a.deadline is not null and a.completed_on <= ? and a.completed_on > a.deadline
                       then 1 else 0 end) as done_late,
              sum(case when a.deadline is not null and (a.completed_on is null or a.completed_on > ?)
                            and a.deadline >= ? then 1 else 0 end) as in_progress_on_time,
              sum(case when a.deadline is not null and (a.completed_on is null or a.completed_on > ?)
                            and a.deadline < ? then 1 else 0 end) as in_progress_overdue,
              count(*) as total
            from assignment a
            join priority_task t on t.id = a.task_id
            where t.programme_year = 2024 and cast(a.created_at as date) <= ?
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    DashboardDataset data;

    @BeforeEach
    void generate() {
        data = new DashboardDataset(jdbc).generate();
    }

    /** The counts by state of the statement (with {@code more} appended to its where clause) as of the day. */
    private Map<DeadlineState, Long> handCounted(LocalDate day, String more, Object... args) {
        Object[] params = new Object[7 + args.length];
        for (int i = 0; i < 7; i++) {
            params[i] = java.sql.Date.valueOf(day);
        }
        System.arraycopy(args, 0, params, 7, args.length);
        return jdbc.queryForObject(
                BY_STATE + more,
                (rs, n) -> {
                    Map<DeadlineState, Long> m = new EnumMap<>(DeadlineState.class);
                    m.put(DeadlineState.ONGOING, rs.getLong("ongoing"));
                    m.put(DeadlineState.DONE_ON_TIME, rs.getLong("done_on_time"));
                    m.put(DeadlineState.DONE_LATE, rs.getLong("done_late"));
                    m.put(DeadlineState.IN_PROGRESS_ON_TIME, rs.getLong("in_progress_on_time"));
                    m.put(DeadlineState.IN_PROGRESS_OVERDUE, rs.getLong("in_progress_overdue"));
                    // every assignment in exactly one group
                    assertThat(m.values().stream().mapToLong(Long::longValue).sum())
                            .isEqualTo(rs.getLong("total"));
                    return m;
                },
                params);
    }

    @Test
    void theHeadlineCountsAreTheHandWrittenOnes() {
        login("lanhdao");
        Map<DeadlineState, Long> expected = handCounted(data.today, "");
        System.out.println("Hand-counted by state: " + expected);
        assertThat(expected.get(DeadlineState.ONGOING)).isPositive();
        assertThat(expected).allSatisfy((s, n) -> assertThat(n).as("%s", s).isPositive());
        Figures.Headline h = dashboard.headline(DashboardFilter.of(2024));
        assertThat(h.byState()).isEqualTo(expected);
        assertThat(h.total()).isEqualTo(data.assignments.size());
    }

    @Test
    void perTaskTheChartAndTheMatrixCountTheSame() {
        login("lanhdao");
        DashboardFilter all = DashboardFilter.of(2024);
        Map<String, Long> chart = new TreeMap<>();
        dashboard.statesByTask(all).forEach(s -> chart.merge(s.taskId() + "/" + s.state(), s.count(), Long::sum));
        Map<String, Long> matrix = new TreeMap<>();
        for (Figures.Cell c : dashboard.matrix(all, true).cells().values()) {
            c.states().forEach((s, n) -> {
                if (n > 0) {
                    matrix.merge(c.taskId() + "/" + s, (long) n, Long::sum);
                }
            });
        }
        Map<String, Long> expected = new TreeMap<>();
        for (DashboardDataset.Task task : data.tasks) {
            handCounted(data.today, " and t.id = ?", task.id()).forEach((s, n) -> {
                if (n > 0) {
                    expected.put(task.id() + "/" + s, n);
                }
            });
        }
        assertThat(chart).isEqualTo(expected);
        assertThat(matrix).isEqualTo(expected);
    }

    @Test
    void aManagerCountsTheTasksOfTheirDepartment() {
        login("quanly");
        Map<DeadlineState, Long> expected =
                handCounted(data.today, " and t.lead_unit_id = (select id from org_unit where code = 'V-TCBC')");
        assertThat(dashboard.headline(DashboardFilter.of(2024)).byState()).isEqualTo(expected);
    }

    @Test
    void asOfAPastDayOnlyWhatWasGivenAndDoneByThen() {
        login("lanhdao");
        // 2024-M12's data window closed on 14/12/2024; the year's assignments were given in January and April 2024
        LocalDate cutOff = LocalDate.of(2024, 12, 14);
        Map<DeadlineState, Long> expected = handCounted(cutOff, "");
        assertThat(dashboard
                        .headline(DashboardFilter.of(2024).withPeriod("2024-M12"))
                        .byState())
                .isEqualTo(expected);
        // and a day when only some were given
        LocalDate february = LocalDate.of(2024, 2, 14);
        assertThat(handCounted(february, "").values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isLessThan(data.assignments.size());
        assertThat(dashboard
                        .headline(DashboardFilter.of(2024).withPeriod("2024-M02"))
                        .byState())
                .isEqualTo(handCounted(february, ""));
        assertThat(expected.get(DeadlineState.ONGOING)).isPositive();
    }
}
