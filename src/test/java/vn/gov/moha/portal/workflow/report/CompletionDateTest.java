package vn.gov.moha.portal.workflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * Issue 17 point 3: an assignment is completed on the day its unit sent the report the chain finally accepted (the
 * accepted round), not on the day of the last approval, so a report sent before the deadline and approved after it
 * is "Hoàn thành đúng hạn", one sent after it "Hoàn thành quá hạn", on the assignment and on the dashboard. The
 * services stamp today and refuse past deadlines, so, as the demo does, the test moves the deadline and a round's
 * submission time back between the steps; every step itself goes through the services.
 */
@PortalTest
class CompletionDateTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    ApprovalService approvals;

    @Autowired
    AssignmentService assignments;

    @Autowired
    DashboardService dashboard;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Translations translations;

    final LocalDate today = LocalDate.now();

    private void sentOn(ProgressReport r, LocalDate day) {
        jdbc.update("update progress_report set submitted_at = ? where id = ?", day.atTime(10, 30), r.getId());
    }

    private void deadline(Assignment a, LocalDate day) {
        jdbc.update("update assignment set deadline = ? where id = ?", day, a.getId());
    }

    /** The head returns the report; the officer sends it again unchanged (a new round). */
    private ProgressReport returnAndResend(ProgressReport r) {
        login("lamdong.truong");
        ProgressReport at = reports.find(r.getId()).orElseThrow();
        approvals.returnReport(at.getId(), at.getVersion(), "Bổ sung kết quả của các xã");
        logout();
        login("lamdong.cv");
        ProgressReport back = reports.find(r.getId()).orElseThrow();
        ProgressReport again = reports.submit(back.getId(), back.getVersion());
        logout();
        assertThat(again.getRound()).isEqualTo(2);
        return again;
    }

    /** The three steps of a province's chain, today. */
    private void approvedToday(ProgressReport r) {
        workflow.approveAs("lamdong.truong", r.getId());
        workflow.approveAs("quanly", r.getId());
        assertThat(workflow.approveAs("lanhdao", r.getId()).getStatus()).isEqualTo(ReportStatus.APPROVED);
    }

    private Assignment reloaded(Assignment a) {
        login("lanhdao");
        Assignment fresh = assignments.find(a.getId()).orElseThrow();
        logout();
        return fresh;
    }

    private Map<DeadlineState, Long> dashboardStates() {
        login("lanhdao");
        Map<DeadlineState, Long> states =
                dashboard.headline(DashboardFilter.of(2024)).byState();
        logout();
        return states;
    }

    private String words(DeadlineState s) {
        return translations.getTranslation(s.translationKey(), Translations.VIETNAMESE);
    }

    @Test
    void sentBeforeTheDeadlineAndApprovedAfterItIsDoneOnTime() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 100);
        sentOn(r, today.minusDays(6)); // round 1, returned
        ProgressReport round2 = returnAndResend(r);
        sentOn(round2, today.minusDays(3)); // round 2, the one accepted: before the deadline
        deadline(a, today.minusDays(1));
        approvedToday(round2); // the last approval: today, after the deadline

        Assignment done = reloaded(a);
        assertThat(done.getCompletedOn()).isEqualTo(today.minusDays(3));
        assertThat(done.state(today)).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(words(done.state(today))).isEqualTo("Hoàn thành đúng hạn");
        assertThat(dashboardStates())
                .containsEntry(DeadlineState.DONE_ON_TIME, 1L)
                .containsEntry(DeadlineState.DONE_LATE, 0L);
    }

    @Test
    void sentAfterTheDeadlineIsDoneLateEvenWhenAnEarlierRoundWasOnTime() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 100);
        sentOn(r, today.minusDays(5)); // round 1, before the deadline, then returned
        deadline(a, today.minusDays(2));
        ProgressReport round2 = returnAndResend(r); // round 2: sent today, after the deadline
        approvedToday(round2);

        Assignment done = reloaded(a);
        assertThat(done.getCompletedOn()).isEqualTo(today);
        assertThat(done.state(today)).isEqualTo(DeadlineState.DONE_LATE);
        assertThat(words(done.state(today))).isEqualTo("Hoàn thành quá hạn");
        assertThat(dashboardStates())
                .containsEntry(DeadlineState.DONE_LATE, 1L)
                .containsEntry(DeadlineState.DONE_ON_TIME, 0L);
    }

    @Test
    void sentOnTheDeadlineDayItselfIsOnTime() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 100);
        sentOn(r, today.minusDays(4));
        deadline(a, today.minusDays(4));
        approvedToday(r);
        assertThat(reloaded(a).state(today)).isEqualTo(DeadlineState.DONE_ON_TIME);
    }
}
