package vn.gov.moha.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * The progress chart reads each assignment's best percent per month as kept with it; this proves it is
 * kept in step with the reports through the workflow: sent, returned, sent again, accepted. After each
 * step the chart shows what the reports say, and the kept text is the one a rebuild from all reports gives.
 */
@PortalTest
class ProgressKeptTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Autowired
    ApprovalService approvals;

    @Test
    void aReportSentReturnedAndAcceptedMovesTheChart() {
        Assignment a = workflow.assignTask3ToLamDong();
        DashboardFilter f = DashboardFilter.of(2024).withTask(a.getTask().getId());
        YearMonth now = YearMonth.now();
        assertThat(chart(f)).as("no report sent yet").isEmpty();

        ProgressReport r = workflow.submitReport(a, 40);
        assertThat(chart(f))
                .as("sent at 40 %")
                .containsExactly(new ProgressPoint(a.getTask().getId(), now, 40));
        assertKeptAsRebuilt(a, now + "=40");

        login("lamdong.truong");
        ProgressReport atHead = reports.find(r.getId()).orElseThrow();
        approvals.returnReport(atHead.getId(), atHead.getVersion(), "Bổ sung số liệu");
        logout();
        assertThat(chart(f)).as("returned: no longer counts").isEmpty();
        assertKeptAsRebuilt(a, null);

        login("lamdong.cv");
        ProgressReport fix = reports.find(r.getId()).orElseThrow();
        fix = reports.save(new ReportDraft(
                fix.getId(), a.getId(), fix.getVersion(), 65, Confidence.ON_TRACK, "Đã bổ sung số liệu", Map.of()));
        reports.submit(fix.getId(), fix.getVersion());
        logout();
        assertThat(chart(f))
                .as("sent again at 65 %")
                .containsExactly(new ProgressPoint(a.getTask().getId(), now, 65));

        workflow.approveAs("lamdong.truong", r.getId());
        workflow.approveAs("quanly", r.getId());
        workflow.approveAs("lanhdao", r.getId());
        assertThat(chart(f))
                .as("accepted at 65 %")
                .containsExactly(new ProgressPoint(a.getTask().getId(), now, 65));
        assertKeptAsRebuilt(a, now + "=65");
    }

    private List<ProgressPoint> chart(DashboardFilter f) {
        login("lanhdao");
        List<ProgressPoint> points = dashboard.progressByMonth(f);
        logout();
        System.out.println("progress chart of task 3: " + points);
        return points;
    }

    /** The text kept through the workflow is {@code expected}, and a rebuild from all reports gives the same. */
    private void assertKeptAsRebuilt(Assignment a, String expected) {
        String kept = months(a);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            ReportedMonths.rebuildAll(c);
            return null;
        });
        String rebuilt = months(a);
        System.out.printf("reported_months kept: %s, rebuilt from the reports: %s%n", kept, rebuilt);
        assertThat(kept).isEqualTo(expected).isEqualTo(rebuilt);
    }

    private String months(Assignment a) {
        return jdbc.queryForObject("select reported_months from assignment where id = ?", String.class, a.getId());
    }
}
