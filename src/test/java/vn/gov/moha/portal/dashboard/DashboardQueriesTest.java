package vn.gov.moha.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.dashboard.Figures.Headline;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * Every dashboard figure against the expectations counted from a generated programme year (about
 * 530 assignments in all four states, reports at every step, extensions, coordinators, leader
 * overrides, merged provinces), for a leader, a manager and a unit officer, with and without
 * filters and roll-up. Runs on H2 and on PostgreSQL.
 */
@PortalTest
class DashboardQueriesTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    ReportingPeriods periods;

    DashboardDataset data;

    @BeforeEach
    void generate() {
        data = new DashboardDataset(jdbc).generate();
        System.out.printf(
                "Generated %d assignments, %d reports, %d extension requests; by state %s%n",
                data.assignments.size(),
                data.reports.size(),
                data.extensions.size(),
                data.expectedByState("lanhdao", DashboardFilter.of(2024)));
    }

    /** The filters tried for each person: none, each filter alone, some together, roll-up. */
    private List<DashboardFilter> filters() {
        DashboardFilter all = DashboardFilter.of(2024);
        long task3 = data.tasks.get(2).id();
        long task8 = data.tasks.get(7).id();
        long lanhdao2 = data.userIds.get("lanhdao2");
        // a month whose data window closed 16 to 45 days ago: deadlines of the generated year fall on both sides
        String recent = periods.containing(ReportingPeriod.MONTHLY, data.today.minusDays(30))
                .key();
        return List.of(
                all,
                all.withTask(task3),
                all.withKind(UnitKind.PROVINCE),
                all.withKind(UnitKind.DEPARTMENT),
                all.withLeader(lanhdao2),
                all.withState(DeadlineState.IN_PROGRESS_OVERDUE),
                all.withState(DeadlineState.DONE_LATE),
                all.withRollUp(true),
                all.withRollUp(true).withKind(UnitKind.PROVINCE).withState(DeadlineState.DONE_ON_TIME),
                all.withTask(task8).withLeader(data.userIds.get("lanhdao")).withRollUp(true),
                all.withPeriod("2024-M12"),
                all.withPeriod("2024-M12").withTask(task3),
                all.withPeriod(recent),
                all.withPeriod(recent).withKind(UnitKind.PROVINCE).withRollUp(true),
                all.withPeriod(recent).withState(DeadlineState.IN_PROGRESS_OVERDUE));
    }

    /** The model as the filter's period sees it: as of the end of its data window (today if later). */
    private DashboardDataset model(DashboardFilter f) {
        if (f.periodKey() == null) {
            return data;
        }
        LocalDate to = periods.byKey(f.periodKey()).orElseThrow().to();
        return data.asOf(to.isBefore(data.today) ? to : data.today);
    }

    @Test
    void headlineFiguresMatchTheGeneratedYear() {
        int checked = 0;
        int notReported = 0;
        Period now = periods.previous(periods.dueNext(ReportingPeriod.MONTHLY, data.today));
        for (String who : List.of("lanhdao", "quanly", "lamdong.cv")) {
            login(who);
            for (DashboardFilter f : filters()) {
                Headline h = dashboard.headline(f);
                DashboardFilter noState = f.withState(null);
                DashboardDataset model = model(f);
                assertThat(h.byState()).as("%s %s by state", who, f).isEqualTo(model.expectedByState(who, noState));
                Map<String, Long> waiting = h.waiting().stream()
                        .collect(Collectors.toMap(
                                w -> w.chain() + "/" + w.step(), Figures.WaitingStep::count, Long::sum, TreeMap::new));
                assertThat(waiting).as("%s %s waiting", who, f).isEqualTo(model.expectedWaiting(who, noState));
                assertThat(h.openExtensions())
                        .as("%s %s extensions", who, f)
                        .isEqualTo(model.expectedOpenExtensions(who, noState));
                if (f.periodKey() == null || f.periodKey().equals("2024-M12")) {
                    // without a period "this period" is today's latest due month (the generated year has only
                    // monthly ongoing work, and nothing sent for it); with 2024-M12 that month
                    long[] missing = f.periodKey() == null
                            ? data.expectedMissing(
                                    who,
                                    f.taskId(),
                                    now.key(),
                                    now.from(),
                                    now.to(),
                                    periods.previous(now).due())
                            : data.expectedMissingDecember2024(who, f.taskId());
                    assertThat(new long[] {
                                h.notReported().units(), h.notReported().reports()
                            })
                            .as("%s %s not reported", who, f)
                            .containsExactly(missing);
                    assertThat(h.notReported().periods())
                            .extracting(Period::key)
                            .contains(f.periodKey() == null ? now.key() : "2024-M12");
                    notReported++;
                }
                checked++;
            }
            logout();
        }
        login("lanhdao");
        Headline all = dashboard.headline(DashboardFilter.of(2024));
        System.out.printf(
                "Leader's headline for 2024: %s, total %d; waiting %s; open extensions %d (%d filter x "
                        + "person combinations checked)%n",
                all.byState(), all.total(), all.waiting(), all.openExtensions(), checked);
        assertThat(all.total()).isEqualTo(data.assignments.size());
        System.out.printf(
                "Leader's 'not reported this period' (%s): %d units, %d reports; for Tháng 12/2024 %d units, "
                        + "%d reports, expected %s (%d checks of that figure)%n",
                now.key(),
                all.notReported().units(),
                all.notReported().reports(),
                dashboard
                        .headline(DashboardFilter.of(2024).withPeriod("2024-M12"))
                        .notReported()
                        .units(),
                dashboard
                        .headline(DashboardFilter.of(2024).withPeriod("2024-M12"))
                        .notReported()
                        .reports(),
                java.util.Arrays.toString(data.expectedMissingDecember2024("lanhdao", null)),
                notReported);
        assertThat(all.notReported().units()).isPositive();
        assertThat(all.waiting())
                .allSatisfy(
                        w -> assertThat(w.role()).as("step %s has its role", w).isNotNull());
        assertThat(all.count(DeadlineState.IN_PROGRESS_OVERDUE)).isPositive();
        assertThat(all.count(DeadlineState.DONE_LATE)).isPositive();
    }

    @Test
    void matrixCellsAndColumnsMatchTheGeneratedYear() {
        int cells = 0;
        for (String who : List.of("lanhdao", "quanly", "lamdong.cv")) {
            login(who);
            for (DashboardFilter f : filters()) {
                for (boolean onlyWithCells : new boolean[] {false, true}) {
                    Matrix m = dashboard.matrix(f, onlyWithCells);
                    Map<String, String> actual = new TreeMap<>();
                    m.cells()
                            .forEach((k, c) -> actual.put(
                                    k, c.count() + " " + c.worst() + " " + c.percent() + " " + c.firstAssignmentId()));
                    DashboardDataset model = model(f);
                    assertThat(actual).as("%s %s cells", who, f).isEqualTo(model.expectedCells(who, f));
                    m.cells()
                            .values()
                            .forEach(c -> assertThat(c.states().values().stream()
                                            .mapToInt(i -> i)
                                            .sum())
                                    .as("states of a cell add up to its count")
                                    .isEqualTo(c.count()));
                    boolean allUnits = who.equals("lanhdao") && !onlyWithCells && f.state() == null;
                    assertThat(m.columns())
                            .extracting(Figures.UnitColumn::id)
                            .as("%s %s columns", who, f)
                            .containsExactlyInAnyOrderElementsOf(model.expectedColumns(who, f, allUnits));
                    assertThat(m.rows())
                            .extracting(Figures.TaskRow::id)
                            .as("%s %s rows", who, f)
                            .containsExactlyElementsOf(data.tasks.stream()
                                    .filter(t -> f.taskId() == null || t.id() == f.taskId())
                                    .filter(t -> f.leaderId() == null
                                            || f.leaderId().equals(t.leaderId())
                                            || data.assignments.stream()
                                                    .anyMatch(a -> a.task() == t
                                                            && f.leaderId().equals(a.leaderId())))
                                    .map(DashboardDataset.Task::id)
                                    .toList());
                    cells += m.cells().size();
                }
            }
            logout();
        }
        login("lanhdao");
        Matrix rolled =
                dashboard.matrix(DashboardFilter.of(2024).withRollUp(true).withKind(UnitKind.PROVINCE), false);
        Matrix plain = dashboard.matrix(DashboardFilter.of(2024).withKind(UnitKind.PROVINCE), false);
        System.out.printf(
                "%d matrix cells checked; province columns: %d as in 2024 (plus units holding work), "
                        + "%d rolled up to 2025%n",
                cells, plain.columns().size(), rolled.columns().size());
        assertThat(rolled.columns()).hasSize(34);
        assertThat(plain.columns()).hasSize(64); // the 63 of 2024 and the new Huế, which holds assignments here
        assertThat(rolled.cells().values())
                .anySatisfy(c -> assertThat(c.count()).isGreaterThan(1));
    }

    @Test
    void aRolledUpCellListsTheAssignmentsOfThePredecessors() {
        login("lanhdao");
        DashboardFilter f = DashboardFilter.of(2024).withRollUp(true);
        Matrix m = dashboard.matrix(f, false);
        Figures.Cell merged = m.cells().values().stream()
                .filter(c -> c.count() > 1)
                .findFirst()
                .orElseThrow();
        List<Figures.CellAssignment> behind = dashboard.cellAssignments(f, merged.taskId(), merged.unitId());
        List<Long> expected = data.assignments.stream()
                .filter(a -> a.task().id() == merged.taskId() && data.key(a.unit(), true) == merged.unitId())
                .map(DashboardDataset.A::id)
                .sorted()
                .toList();
        System.out.printf(
                "Rolled-up cell %s lists %s%n",
                merged,
                behind.stream()
                        .map(b -> b.unitCode() + " " + b.state() + " " + b.percent() + "%")
                        .toList());
        assertThat(behind).extracting(Figures.CellAssignment::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(behind).hasSize(merged.count());
        // a unit officer cannot list a cell of units they have nothing to do with
        logout();
        login("lamdong.cv");
        assertThat(dashboard.cellAssignments(f, merged.taskId(), merged.unitId()))
                .allSatisfy(b -> assertThat(data.assignments.stream()
                                .filter(a -> a.id() == b.id())
                                .allMatch(DashboardDataset.visibleTo("lamdong.cv", data)))
                        .isTrue());
    }

    @Test
    void chartFiguresMatchTheGeneratedYear() {
        int lateReportChecks = 0;
        for (String who : List.of("lanhdao", "quanly", "lamdong.cv")) {
            login(who);
            for (DashboardFilter f : filters()) {
                DashboardFilter noState = f.withState(null);
                DashboardDataset data = model(f);
                Map<String, Long> states = dashboard.statesByTask(f).stream()
                        .collect(Collectors.toMap(
                                s -> s.taskId() + "/" + s.state(), Figures.TaskState::count, Long::sum, TreeMap::new));
                assertThat(states)
                        .as("%s %s states by task", who, f)
                        .isEqualTo(data.expectedStatesByTask(who, noState));
                Map<String, Integer> progress = dashboard.progressByMonth(f).stream()
                        .collect(Collectors.toMap(
                                p -> p.taskId() + "/" + p.month(),
                                Figures.ProgressPoint::percent,
                                (x, y) -> x,
                                TreeMap::new));
                assertThat(progress).as("%s %s progress", who, f).isEqualTo(data.expectedProgress(who, noState));
                List<String> late = dashboard.lateUnits(f).stream()
                        .map(u -> u.code() + " " + u.overdue() + " " + u.doneLate())
                        .toList();
                List<String> expected = data.expectedLateUnits(who, noState);
                assertThat(late)
                        .as("%s %s late units", who, f)
                        .hasSize(Math.min(DashboardService.LATE_UNITS, expected.size()));
                assertThat(expected).containsAll(late);
                assertThat(late.stream().map(DashboardQueriesTest::total).toList())
                        .as("most late first")
                        .isEqualTo(expected.stream()
                                .map(DashboardQueriesTest::total)
                                .limit(late.size())
                                .toList());
                if (f.periodKey() == null) {
                    // late or missing monthly reports from Tháng 1/2024 to today's month, ties broken by code
                    List<String> reports = dashboard.lateReports(f).stream()
                            .map(u -> u.code() + " " + u.late() + " " + u.missing())
                            .toList();
                    List<String> expectedReports = this.data.expectedLateReports(who, f.taskId(), months());
                    assertThat(reports)
                            .as("%s %s late reports per unit", who, f)
                            .isEqualTo(expectedReports.subList(
                                    0, Math.min(DashboardService.LATE_UNITS, expectedReports.size())));
                    lateReportChecks++;
                }
            }
            logout();
        }
        login("lanhdao");
        System.out.printf("Progress points for the leader: %s%n", dashboard.progressByMonth(DashboardFilter.of(2024)));
        System.out.printf(
                "Late reports per unit for the leader (%d checks): %s%n",
                lateReportChecks, dashboard.lateReports(DashboardFilter.of(2024)));
        assertThat(dashboard.lateReports(DashboardFilter.of(2024))).isNotEmpty();
    }

    /** Every month from Tháng 1/2024 whose data window has begun, with its dates (due days moved off days off). */
    private List<DashboardDataset.Month> months() {
        List<DashboardDataset.Month> months = new ArrayList<>();
        for (Period p = periods.of(ReportingPeriod.MONTHLY, 2024, 1);
                !p.from().isAfter(data.today);
                p = periods.next(p)) {
            months.add(new DashboardDataset.Month(
                    p.key(), p.from(), p.to(), p.due(), periods.previous(p).due()));
        }
        return months;
    }

    private static long total(String late) {
        String[] parts = late.split(" ");
        return Long.parseLong(parts[1]) + Long.parseLong(parts[2]);
    }

    /** The whole dashboard in a handful of statements, whatever the amount of data. */
    @Test
    void theDashboardNeedsAHandfulOfStatements() {
        login("lanhdao");
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        try {
            List<String> lines = new ArrayList<>();
            // the first call reads the working-day calendar (due dates on a day off move), kept in memory after
            long first = count(stats, () -> dashboard.headline(DashboardFilter.of(2024)));
            lines.add("first headline, calendar read " + first);
            long headline = count(stats, () -> dashboard.headline(DashboardFilter.of(2024)));
            long headlineOfPeriod = count(
                    stats, () -> dashboard.headline(DashboardFilter.of(2024).withPeriod("2024-Q2")));
            long matrix = count(stats, () -> dashboard.matrix(DashboardFilter.of(2024), false));
            long rolled =
                    count(stats, () -> dashboard.matrix(DashboardFilter.of(2024).withRollUp(true), false));
            long charts = count(stats, () -> {
                dashboard.statesByTask(DashboardFilter.of(2024));
                dashboard.progressByMonth(DashboardFilter.of(2024));
                dashboard.lateUnits(DashboardFilter.of(2024));
            });
            // plus one JdbcTemplate statement each for "not reported" and the late-reports chart
            // (ReportingQueries.missing / lateByUnit), which Hibernate's statistics do not see
            lines.add("headline " + headline + " (+1 JDBC)");
            lines.add("headline for a period " + headlineOfPeriod + " (+1 JDBC)");
            lines.add("matrix " + matrix);
            lines.add("rolled-up matrix " + rolled);
            lines.add("three charts " + charts);
            System.out.printf("SQL statements for %d assignments: %s%n", data.assignments.size(), lines);
            // with the JDBC statement of "not reported": at most 3
            assertThat(headline).isLessThanOrEqualTo(2);
            assertThat(headlineOfPeriod).isLessThanOrEqualTo(2);
            assertThat(matrix).isLessThanOrEqualTo(3);
            assertThat(rolled).isLessThanOrEqualTo(3);
            assertThat(charts).isLessThanOrEqualTo(3);
        } finally {
            stats.setStatisticsEnabled(wasEnabled);
        }
    }

    private static long count(Statistics stats, Runnable action) {
        stats.clear();
        action.run();
        return stats.getPrepareStatementCount();
    }
}
