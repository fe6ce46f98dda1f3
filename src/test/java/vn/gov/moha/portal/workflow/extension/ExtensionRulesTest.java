package vn.gov.moha.portal.workflow.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/**
 * Issue 17 point 4, through the services as people use them: a request is made up to the deadline day, not after;
 * the leader in charge of the assignment decides it (its own leader, else its task's; any leader only when there is
 * none), and only they have it in "Việc cần xử lý" and are notified; a refusal needs a reason.
 */
@PortalTest
class ExtensionRulesTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ExtensionService extensions;

    @Autowired
    AssignmentService assignments;

    @Autowired
    MyWorkService myWork;

    @Autowired
    JdbcTemplate jdbc;

    private static void assertProblem(Runnable call, String field, String key) {
        assertThatThrownBy(call::run)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field() + " " + p.messageKey())
                        .contains(field + " " + key));
    }

    /** The services refuse a past deadline, so a test that needs one moves it, as the demo does. */
    private void deadline(Assignment a, LocalDate day) {
        jdbc.update("update assignment set deadline = ? where id = ?", day, a.getId());
    }

    private long requests() {
        return jdbc.queryForObject("select count(*) from extension_request", Long.class);
    }

    /** The event keys of the person's notifications of that kind. */
    private List<String> notified(String username, String kind) {
        return jdbc.queryForList(
                "select n.event_key from notification n join app_user u on u.id = n.recipient_id "
                        + "where u.username = ? and n.kind = ? order by n.id",
                String.class,
                username,
                kind);
    }

    private ExtensionRequest ask(Assignment a, String who) {
        login(who);
        ExtensionRequest r = extensions.request(a.getId(), a.getDeadline().plusDays(20), "Chờ số liệu từ các xã");
        logout();
        return r;
    }

    @Test
    void aRequestIsRefusedOnceTheDeadlineHasPassedAndAllowedOnTheDeadlineDay() {
        Assignment a = workflow.assignTask3ToLamDong();
        LocalDate today = LocalDate.now();
        deadline(a, today.minusDays(1));
        login("lamdong.cv");
        Assignment late = assignments.find(a.getId()).orElseThrow();
        assertProblem(
                () -> extensions.request(a.getId(), today.plusDays(30), "Chờ số liệu"),
                "deadline",
                "extension.error.pastDeadline");
        assertThat(requests()).isZero();
        assertThat(ExtensionService.pastDeadline(late, today)).isTrue();
        logout();

        deadline(a, today);
        login("lamdong.cv");
        Assignment dueToday = assignments.find(a.getId()).orElseThrow();
        assertThat(ExtensionService.pastDeadline(dueToday, today)).isFalse();
        assertThat(extensions.canRequest(dueToday)).isTrue();
        extensions.request(a.getId(), today.plusDays(30), "Chờ số liệu");
        assertThat(requests()).isEqualTo(1);
        logout();
    }

    @Test
    void onlyTheLeaderInChargeOfTheTaskDecidesSeesAndIsNotified() {
        Assignment a = workflow.assignTask3ToLamDong(); // task 3: lanhdao is in charge (tasks 1-5)
        ExtensionRequest r = ask(a, "lamdong.cv");
        assertThat(notified("lanhdao", "EXTENSION_WAITING")).containsExactly("extension:" + r.getId() + ":waiting");
        assertThat(notified("lanhdao2", "EXTENSION_WAITING")).isEmpty();

        login("lanhdao2");
        assertThat(extensions.canDecide(extensions.requestsOf(a.getId()).get(0)))
                .isFalse();
        assertThat(extensions.pendingForMe()).isEmpty();
        assertThat(extensions.countPendingForMe()).isZero();
        assertThat(myWork.items())
                .extracting(MyWorkService.Item::kind)
                .doesNotContain(MyWorkService.Kind.DECIDE_EXTENSION);
        assertProblem(
                () -> extensions.decide(r.getId(), r.getVersion(), true, "Đồng ý"),
                "decision",
                "extension.error.notInCharge");
        logout();
        assertThat(jdbc.queryForObject("select status from extension_request where id = ?", String.class, r.getId()))
                .isEqualTo("PENDING");

        login("lanhdao");
        ExtensionRequest pending = extensions.requestsOf(a.getId()).get(0);
        assertThat(extensions.canDecide(pending)).isTrue();
        assertThat(extensions.pendingForMe())
                .extracting(ExtensionRequest::getId)
                .containsExactly(r.getId());
        assertThat(extensions.countPendingForMe()).isEqualTo(1);
        assertThat(myWork.count()).isEqualTo(myWork.items().size());
        assertThat(myWork.items()).extracting(MyWorkService.Item::kind).contains(MyWorkService.Kind.DECIDE_EXTENSION);
        extensions.decide(pending.getId(), pending.getVersion(), true, "Đồng ý");
        assertThat(assignments.find(a.getId()).orElseThrow().getDeadline()).isEqualTo(r.getRequestedDeadline());
        logout();
    }

    @Test
    void theAssignmentsOwnLeaderComesBeforeTheTasks() {
        PriorityTask t3 = workflow.task(3);
        long lamDong = workflow.unit("SNV-68").getId();
        long lanhdao2 = jdbc.queryForObject("select id from app_user where username = 'lanhdao2'", Long.class);
        AssignDraft d = workflow.draft(t3, Set.of(lamDong), LocalDate.now().plusDays(30));
        login("quanly");
        assignments.assign(new AssignDraft(
                d.taskId(),
                d.leadUnitIds(),
                d.coordinatorIds(),
                false,
                d.deadline(),
                null,
                d.expectedOutput(),
                d.indicators(),
                lanhdao2,
                d.instructions(),
                d.document()));
        Assignment a = assignments.list(2024, t3.getId(), "lam dong", 0, 10).get(0);
        logout();
        ExtensionRequest r = ask(reload(a), "lamdong.truong");
        assertThat(notified("lanhdao2", "EXTENSION_WAITING")).hasSize(1);
        assertThat(notified("lanhdao", "EXTENSION_WAITING")).isEmpty();

        login("lanhdao");
        assertProblem(
                () -> extensions.decide(r.getId(), r.getVersion(), false, "Không đồng ý"),
                "decision",
                "extension.error.notInCharge");
        logout();
        login("lanhdao2");
        extensions.decide(r.getId(), r.getVersion(), false, "Thời hạn đã được Chính phủ ấn định");
        logout();
    }

    private Assignment reload(Assignment a) {
        login("quanly");
        Assignment full = assignments.find(a.getId()).orElseThrow();
        logout();
        return full;
    }

    @Test
    void anyLeaderDecidesWhenTheTaskHasNone() {
        Assignment a = workflow.assignTask3ToLamDong();
        Long taskLeader = jdbc.queryForObject(
                "select leader_id from priority_task where id = ?",
                Long.class,
                a.getTask().getId());
        jdbc.update("update assignment set leader_id = null where id = ?", a.getId());
        jdbc.update(
                "update priority_task set leader_id = null where id = ?",
                a.getTask().getId());
        try {
            ExtensionRequest r = ask(a, "lamdong.cv");
            // every leader is told, and has it among their work
            assertThat(notified("lanhdao", "EXTENSION_WAITING")).hasSize(1);
            assertThat(notified("lanhdao2", "EXTENSION_WAITING")).hasSize(1);
            for (String leader : List.of("lanhdao", "lanhdao2")) {
                login(leader);
                assertThat(extensions.pendingForMe())
                        .as(leader)
                        .extracting(ExtensionRequest::getId)
                        .containsExactly(r.getId());
                assertThat(extensions.canDecide(extensions.requestsOf(a.getId()).get(0)))
                        .as(leader)
                        .isTrue();
                logout();
            }
            login("lanhdao2");
            extensions.decide(r.getId(), r.getVersion(), true, null);
            logout();
            assertThat(jdbc.queryForObject(
                            "select u.username from extension_request e join app_user u on u.id = e.decided_by "
                                    + "where e.id = ?",
                            String.class,
                            r.getId()))
                    .isEqualTo("lanhdao2");
        } finally {
            // reference data, kept between tests
            jdbc.update(
                    "update priority_task set leader_id = ? where id = ?",
                    taskLeader,
                    a.getTask().getId());
        }
    }

    @Test
    void aRefusalNeedsAReasonAndBothDecisionsStayWithWhoAndWhen() {
        Assignment a = workflow.assignTask3ToLamDong();
        ExtensionRequest first = ask(a, "lamdong.cv");
        login("lanhdao");
        assertProblem(
                () -> extensions.decide(first.getId(), first.getVersion(), false, "  "), "comment", "error.required");
        extensions.decide(first.getId(), first.getVersion(), false, "Đề nghị hoàn thành đúng thời hạn đã giao");
        logout();
        ExtensionRequest second = ask(a, "lamdong.cv");
        login("lanhdao");
        extensions.decide(second.getId(), second.getVersion(), true, "Đồng ý vì chờ hướng dẫn của Bộ");
        List<ExtensionRequest> history = extensions.requestsOf(a.getId());
        assertThat(history)
                .extracting(r -> r.getStatus() + " " + r.getDecisionComment() + " "
                        + r.getDecidedBy().getUsername())
                .containsExactlyInAnyOrder(
                        "REJECTED Đề nghị hoàn thành đúng thời hạn đã giao lanhdao",
                        "APPROVED Đồng ý vì chờ hướng dẫn của Bộ lanhdao");
        assertThat(history).allMatch(r -> r.getDecidedAt() != null);
        // the granted one moved the deadline, and its change says which request it came from
        assertThat(assignments.deadlineChangesOf(assignments.find(a.getId()).orElseThrow()))
                .extracting(c -> c.getExtensionRequestId() == null ? "-" : String.valueOf(c.getExtensionRequestId()))
                .containsExactly("-", String.valueOf(second.getId()));
        logout();
    }
}
