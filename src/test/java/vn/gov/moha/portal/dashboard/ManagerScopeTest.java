package vn.gov.moha.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/**
 * A manager sees the tasks their own department owns, and the same ones on the dashboard, in the
 * assignment list and on the reporting screen ("Báo cáo định kỳ" lists the ongoing ones among them):
 * checked for quanly (Vụ Tổ chức - Biên chế) and quanly.cchc (Vụ Cải cách hành chính) against the
 * generated year's model.
 */
@PortalTest
class ManagerScopeTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Autowired
    AssignmentService assignmentService;

    @Autowired
    ReportingService reporting;

    @Test
    void dashboardAssignmentsAndReportingAgreeForEachManager() {
        DashboardDataset data = new DashboardDataset(jdbc).generate();
        for (String who : java.util.List.of("quanly", "quanly.cchc")) {
            login(who);
            DashboardFilter all = DashboardFilter.of(2024);
            Set<Long> onDashboard = new TreeSet<>();
            for (Figures.Cell c : dashboard.matrix(all, true).cells().values()) {
                if (c.count() == 1) {
                    onDashboard.add(c.firstAssignmentId());
                } else {
                    dashboard.cellAssignments(all, c.taskId(), c.unitId()).forEach(x -> onDashboard.add(x.id()));
                }
            }
            Set<Long> listed = assignmentService.list(2024, null, "", 0, 10_000).stream()
                    .map(Assignment::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> reported = reporting.rows(ReportingFilter.year(2024), 0, 100_000).stream()
                    .map(ReportingRow::assignmentId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> expected = data.assignments.stream()
                    .filter(DashboardDataset.visibleTo(who, data))
                    .map(DashboardDataset.A::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> expectedOngoing = data.assignments.stream()
                    .filter(DashboardDataset.visibleTo(who, data))
                    .filter(a -> a.deadline() == null)
                    .map(DashboardDataset.A::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> departments = data.assignments.stream()
                    .filter(a -> onDashboard.contains(a.id()))
                    .map(a -> a.task().deptId())
                    .collect(Collectors.toSet());
            System.out.printf(
                    "%s: dashboard %d assignments, assignment list %d, reporting %d (ongoing expected %d); "
                            + "owning departments %s%n",
                    who, onDashboard.size(), listed.size(), reported.size(), expectedOngoing.size(), departments);
            assertThat(expected).isNotEmpty();
            assertThat(onDashboard).as("%s dashboard", who).isEqualTo(expected);
            assertThat(listed).as("%s assignment list", who).isEqualTo(expected);
            assertThat(reported).as("%s reporting", who).isEqualTo(expectedOngoing);
            assertThat(dashboard.headline(all).total()).isEqualTo(expected.size());
            logout();
        }
    }
}
