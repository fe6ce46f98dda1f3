package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * The workflow's actions notify the right people, in the action's transaction; the e-mail of each goes
 * to the outbox (and stays there: the tests send the outbox themselves) unless the person turned that kind off.
 */
@PortalTest
class NotificationFlowTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationFixture inbox;

    @Autowired
    ReportService reports;

    @Autowired
    ExtensionService extensions;

    @Autowired
    NotificationService notifications;

    @Autowired
    ApprovalService approvals;

    @Test
    void aReportTravellingTheChainNotifiesEachStepAndThenTheAuthor() {
        Assignment a = workflow.assignTask3ToLamDong();
        assertThat(inbox.notices("lamdong.cv")).containsExactly("ASSIGNED notification.assigned");
        assertThat(inbox.notices("lamdong.truong")).containsExactly("ASSIGNED notification.assigned");
        assertThat(inbox.notices("quanly")).as("the manager who assigned it").isEmpty();
        assertThat(inbox.notices("hanoi.cv")).as("another province").isEmpty();

        ProgressReport r = workflow.submitReport(a, 40);
        assertThat(inbox.notices("lamdong.truong"))
                .as("step 1: the head of the reporting unit")
                .contains("REPORT_WAITING notification.reportWaiting");
        assertThat(inbox.notices("lamdong.cv"))
                .as("the submitter is not asked to decide")
                .hasSize(1);
        assertThat(inbox.notices("hanoi.truong")).as("another unit's head").isEmpty();

        approve("lamdong.truong", r);
        assertThat(inbox.notices("quanly"))
                .as("step 2: the manager of the department that owns task 3")
                .containsExactly("REPORT_WAITING notification.reportWaiting");
        assertThat(inbox.notices("quanly.cchc"))
                .as("a manager of another department")
                .isEmpty();
        assertThat(inbox.notices("lanhdao")).as("leaders only at step 3").isEmpty();

        approve("quanly", r);
        assertThat(inbox.notices("lanhdao")).containsExactly("REPORT_WAITING notification.reportWaiting");
        assertThat(inbox.notices("lanhdao2")).containsExactly("REPORT_WAITING notification.reportWaiting");

        approve("lanhdao", r);
        assertThat(inbox.notices("lamdong.cv")).as("author").endsWith("REPORT_DECIDED notification.reportApproved");
        assertThat(inbox.notices("lamdong.truong"))
                .as("unit head")
                .endsWith("REPORT_DECIDED notification.reportApproved");
        assertThat(inbox.notices("lanhdao2"))
                .as("the other leader is not told the outcome")
                .hasSize(1);

        long total = inbox.count("select count(*) from notification");
        long mails = inbox.count("select count(*) from notification_outbox where status = 'PENDING'");
        System.out.printf(
                "Chain of task 3 / Lâm Đồng: %d notifications, %d e-mails queued (none sent: all PENDING)%n",
                total, mails);
        assertThat(total).isEqualTo(2 + 1 + 1 + 2 + 2);
        assertThat(mails)
                .as("every demo person has an address and all kinds on")
                .isEqualTo(total);
        Map<String, Object> mail = inbox.outbox().get(0);
        assertThat((String) mail.get("subject"))
                .startsWith("[Cổng điều hành Bộ Nội vụ] Nhiệm vụ số 3 được giao")
                .contains("Lâm Đồng");
        assertThat((String) mail.get("body")).contains("/assignments/" + a.getId());
    }

    @Test
    void aReturnedReportAndAnExtensionDecisionReachTheUnit() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        login("lamdong.truong");
        ProgressReport fresh = reports.find(r.getId()).orElseThrow();
        approvals.returnReport(fresh.getId(), fresh.getVersion(), "Bổ sung số liệu");
        logout();
        assertThat(inbox.notices("lamdong.cv")).as("the author").endsWith("REPORT_DECIDED notification.reportReturned");
        assertThat(inbox.noticesOfKind("lamdong.truong", NotificationKind.REPORT_DECIDED))
                .as("the head returned it himself")
                .isEmpty();

        login("lamdong.cv");
        ExtensionRequest request = extensions.request(a.getId(), a.getDeadline().plusDays(10), "Chờ số liệu");
        logout();
        login("lanhdao");
        extensions.decide(request.getId(), request.getVersion(), true, null);
        logout();
        for (String person : List.of("lamdong.cv", "lamdong.truong")) {
            assertThat(inbox.notices(person)).as(person).endsWith("EXTENSION_DECIDED notification.extensionApproved");
        }
        assertThat(jdbc.queryForObject(
                        "select params from notification where kind = 'EXTENSION_DECIDED' " + "fetch first 1 rows only",
                        String.class))
                .endsWith(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(a.getDeadline().plusDays(10)));
    }

    @Test
    void aRefusedActionLeavesNoNotification() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        long before = inbox.count("select count(*) from notification");
        login("lamdong.truong");
        assertThatThrownBy(() -> approvals.approve(r.getId(), r.getVersion() - 1, null))
                .isInstanceOf(InvalidInputException.class);
        logout();
        assertThat(inbox.count("select count(*) from notification")).isEqualTo(before);
    }

    @Test
    void anEmailKindTurnedOffStillShowsInThePortalButQueuesNoEmail() {
        login("lamdong.cv");
        notifications.saveEmailChoices(Map.of(NotificationKind.ASSIGNED, false));
        assertThat(notifications.emailChoices())
                .containsEntry(NotificationKind.ASSIGNED, false)
                .containsEntry(NotificationKind.OVERDUE, true);
        logout();
        workflow.assignTask3ToLamDong();
        assertThat(inbox.notices("lamdong.cv")).containsExactly("ASSIGNED notification.assigned");
        assertThat(inbox.outbox()).extracting(m -> m.get("username")).containsExactly("lamdong.truong");
    }

    @Test
    void aPersonWithoutAnEmailAddressGetsNoEmail() {
        jdbc.update("update app_user set email = '' where username = 'lamdong.truong'");
        try {
            workflow.assignTask3ToLamDong();
            assertThat(inbox.notices("lamdong.truong")).hasSize(1);
            assertThat(inbox.outbox()).extracting(m -> m.get("username")).containsExactly("lamdong.cv");
        } finally {
            jdbc.update("update app_user set email = 'lamdong.truong@lamdong.example.vn' "
                    + "where username = 'lamdong.truong'");
        }
    }

    private void approve(String who, ProgressReport r) {
        login(who);
        ProgressReport fresh = reports.find(r.getId()).orElseThrow();
        approvals.approve(fresh.getId(), fresh.getVersion(), null);
        logout();
    }
}
