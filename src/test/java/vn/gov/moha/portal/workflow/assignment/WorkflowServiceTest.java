package vn.gov.moha.portal.workflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.report.ReportStatus;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/** Every transition of the workflow through the services, and every refusal a user or attacker would meet. */
@PortalTest
class WorkflowServiceTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ReportService reports;

    @Autowired
    ExtensionService extensions;

    @Autowired
    MyWorkService myWork;

    @Autowired
    UnitService units;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApprovalService approvals;

    @Autowired
    EvidenceService evidence;

    private static void assertProblem(Runnable call, String field, String key) {
        assertThatThrownBy(call::run)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .contains(new InvalidInputException.Problem(field, key)));
    }

    @Test
    void aManagerAssignsATaskToEveryProvinceInOneAction() {
        PriorityTask t3 = workflow.task(3);
        login("admin");
        Set<Long> provinces = units.validOn(LocalDate.now()).stream()
                .filter(u -> u.getKind() == UnitKind.PROVINCE)
                .map(OrgUnit::getId)
                .collect(Collectors.toSet());
        logout();
        login("quanly");
        int created =
                assignments.assign(workflow.draft(t3, provinces, LocalDate.now().plusDays(60)));
        assertThat(created).isEqualTo(provinces.size()).isEqualTo(34);
        assertThat(assignments.count(2024, t3.getId(), "")).isEqualTo(34);
        assertThat(jdbc.queryForObject("select count(*) from event_log where action = 'ASSIGN'", Integer.class))
                .isEqualTo(34);
        assertThat(jdbc.queryForObject("select count(*) from indicator", Integer.class))
                .isEqualTo(34);
    }

    @Test
    void theWholeFlowFromAssignmentToDoneOnTime() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 40);
        assertThat(r.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(r.getCurrentStep()).isEqualTo(1);

        assertThat(workflow.approveAs("lamdong.truong", r.getId()).getCurrentStep())
                .isEqualTo(2);
        assertThat(workflow.approveAs("quanly", r.getId()).getCurrentStep()).isEqualTo(3);

        login("lanhdao");
        ProgressReport atLeader = reports.find(r.getId()).orElseThrow();
        assertProblem(
                () -> approvals.returnReport(atLeader.getId(), atLeader.getVersion(), "  "),
                "reason",
                "error.required");
        ProgressReport returned =
                approvals.returnReport(atLeader.getId(), atLeader.getVersion(), "Bổ sung số liệu quý III");
        assertThat(returned.getStatus()).isEqualTo(ReportStatus.RETURNED);
        logout();

        login("lamdong.cv");
        assertThat(myWork.items()).extracting(MyWorkService.Item::kind).containsExactly(MyWorkService.Kind.FIX_REPORT);
        ProgressReport fix = reports.find(r.getId()).orElseThrow();
        fix = reports.save(new ReportDraft(
                fix.getId(),
                a.getId(),
                fix.getVersion(),
                45,
                Confidence.AT_RISK,
                "Đã bổ sung số liệu quý III",
                Map.of()));
        ProgressReport resubmitted = reports.submit(fix.getId(), fix.getVersion());
        assertThat(resubmitted.getRound()).isEqualTo(2);
        logout();

        workflow.approveAs("lamdong.truong", r.getId());
        workflow.approveAs("quanly", r.getId());
        ProgressReport accepted = workflow.approveAs("lanhdao", r.getId());
        assertThat(accepted.getStatus()).isEqualTo(ReportStatus.APPROVED);

        login("lanhdao");
        assertThat(approvals.trail(r.getId()))
                .extracting(d -> d.getRound() + "/" + d.getStepOrder() + "/" + d.getDecision())
                .containsExactly(
                        "1/1/APPROVED", "1/2/APPROVED", "1/3/RETURNED", "2/1/APPROVED", "2/2/APPROVED", "2/3/APPROVED");
        Assignment afterFirst = assignments.find(a.getId()).orElseThrow();
        assertThat(afterFirst.getPercentComplete()).isEqualTo(45);
        assertThat(afterFirst.state(LocalDate.now())).isEqualTo(DeadlineState.IN_PROGRESS_ON_TIME);
        logout();

        ProgressReport last = workflow.submitReport(a, 100);
        workflow.approveAs("lamdong.truong", last.getId());
        workflow.approveAs("quanly", last.getId());
        workflow.approveAs("lanhdao2", last.getId());

        login("lanhdao");
        Assignment done = assignments.find(a.getId()).orElseThrow();
        assertThat(done.getCompletedOn()).isEqualTo(LocalDate.now());
        assertThat(done.state(LocalDate.now())).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(assignments.history(a.getId()).entries())
                .extracting(e -> e.getAction())
                .contains("ASSIGN", "REPORT_SUBMIT", "REPORT_RETURN", "REPORT_ACCEPT", "FILE_ADD");
        logout();

        login("lamdong.cv");
        assertProblem(
                () -> reports.save(new ReportDraft(null, a.getId(), 0, 0, Confidence.ON_TRACK, "x", Map.of())),
                "percent",
                "report.error.completed");
    }

    @Test
    void approvalsFollowRolesUnitsAndFourEyes() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);

        login("lamdong.cv");
        ProgressReport mine = reports.find(r.getId()).orElseThrow();
        assertThatThrownBy(() -> approvals.approve(mine.getId(), mine.getVersion(), null))
                .isInstanceOf(AccessDeniedException.class);
        logout();

        login("hanoi.truong");
        assertThat(reports.find(r.getId())).isEmpty();
        assertThat(assignments.find(a.getId())).isEmpty();
        assertProblem(() -> approvals.approve(r.getId(), 0, null), "report", "report.error.notFound");
        logout();
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_log where action = 'ACCESS_REFUSED' and actor = ?",
                        Integer.class,
                        "hanoi.truong"))
                .isGreaterThanOrEqualTo(2);

        login("quanly");
        ProgressReport early = reports.find(r.getId()).orElseThrow();
        assertProblem(
                () -> approvals.approve(early.getId(), early.getVersion(), null),
                "decision",
                "report.error.notYourStep");
        logout();

        workflow.approveAs("lamdong.truong", r.getId());
        login("lamdong.truong");
        ProgressReport twice = reports.find(r.getId()).orElseThrow();
        assertProblem(
                () -> approvals.approve(twice.getId(), twice.getVersion(), null),
                "decision",
                "report.error.notYourStep");
        logout();
    }

    @Test
    void nobodyDecidesOnTheirOwnReportOrTwoStepsOfOneRound() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        Long officerId = jdbc.queryForObject("select id from app_user where username = 'lamdong.cv'", Long.class);
        Long headId = jdbc.queryForObject("select id from app_user where username = 'lamdong.truong'", Long.class);

        // the service's rule, as the submitting officer who is also given the head's role
        jdbc.update("insert into app_user_role (user_id, role) values (?, 'UNIT_HEAD')", officerId);
        try {
            login("lamdong.cv");
            ProgressReport own = reports.find(r.getId()).orElseThrow();
            assertProblem(
                    () -> approvals.approve(own.getId(), own.getVersion(), null), "decision", "report.error.ownReport");
            logout();
        } finally {
            jdbc.update("delete from app_user_role where user_id = ? and role = 'UNIT_HEAD'", officerId);
        }

        // the database's rules, for a write that goes around the service
        assertThatThrownBy(() -> jdbc.update(
                        "insert into approval_decision (report_id, round, step_order, role, "
                                + "decision, decided_by, submitted_by, decided_at) values (?, 1, 1, 'UNIT_HEAD', 'APPROVED', ?, ?, "
                                + "current_timestamp)",
                        r.getId(),
                        officerId,
                        officerId))
                .isInstanceOf(DataIntegrityViolationException.class);
        workflow.approveAs("lamdong.truong", r.getId());
        assertThatThrownBy(() -> jdbc.update(
                        "insert into approval_decision (report_id, round, step_order, role, "
                                + "decision, decided_by, submitted_by, decided_at) values (?, 1, 2, 'MANAGER', 'APPROVED', ?, ?, "
                                + "current_timestamp)",
                        r.getId(),
                        headId,
                        officerId))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                        "insert into approval_decision (report_id, round, step_order, role, "
                                + "decision, decided_by, submitted_by, decided_at) values (?, 1, 1, 'UNIT_HEAD', 'APPROVED', ?, ?, "
                                + "current_timestamp)",
                        r.getId(),
                        jdbc.queryForObject("select id from app_user where username = 'quanly'", Long.class),
                        officerId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void staleSavesAreRefusedAndNothingIsOverwritten() {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        ProgressReport first =
                reports.save(new ReportDraft(null, a.getId(), 0, 10, Confidence.ON_TRACK, "Bản đầu", Map.of()));
        reports.save(new ReportDraft(
                first.getId(),
                a.getId(),
                first.getVersion(),
                20,
                Confidence.ON_TRACK,
                "Bản của người thứ nhất",
                Map.of()));
        assertProblem(
                () -> reports.save(new ReportDraft(
                        first.getId(),
                        a.getId(),
                        first.getVersion(),
                        30,
                        Confidence.OFF_TRACK,
                        "Bản cũ của người thứ hai",
                        Map.of())),
                "version",
                "error.stale");
        assertThat(reports.find(first.getId()).orElseThrow().getNarrative()).isEqualTo("Bản của người thứ nhất");
        logout();

        login("quanly");
        Assignment loaded = assignments.find(a.getId()).orElseThrow();
        assignments.edit(new AssignmentEdit(
                a.getId(),
                loaded.getVersion(),
                loaded.getLeadUnit().getId(),
                Set.of(),
                false,
                loaded.getDeadline().plusDays(5),
                null,
                "Sản phẩm mới",
                null,
                null,
                "Điều chỉnh theo chỉ đạo"));
        assertProblem(
                () -> assignments.edit(new AssignmentEdit(
                        a.getId(),
                        loaded.getVersion(),
                        loaded.getLeadUnit().getId(),
                        Set.of(),
                        false,
                        loaded.getDeadline(),
                        null,
                        "Sản phẩm cũ",
                        null,
                        null,
                        "lý do")),
                "version",
                "error.stale");
        assertThat(assignments.find(a.getId()).orElseThrow().getExpectedOutput())
                .isEqualTo("Sản phẩm mới");
        assertThat(assignments.deadlineHistory(a.getId()))
                .extracting(DeadlineChange::getReason)
                .containsExactly("assign", "Điều chỉnh theo chỉ đạo");
        logout();
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsSaved() {
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        OrgUnit lamDong = workflow.unit("SNV-68");
        login("quanly");
        assertProblem(
                () -> assignments.assign(workflow.draft(
                        t3, Set.of(lamDong.getId()), LocalDate.now().minusDays(1))),
                "deadline",
                "assignment.error.deadlinePast");
        assertProblem(
                () -> assignments.assign(workflow.draft(t3, Set.of(lamDong.getId()), null)),
                "deadline",
                "assignment.error.deadlineRequired");
        assertProblem(
                () -> assignments.assign(
                        workflow.draft(t3, Set.of(), LocalDate.now().plusDays(3))),
                "leadUnits",
                "assignment.error.leadRequired");
        assertProblem(
                () -> assignments.assign(workflow.draft(
                        t8, Set.of(lamDong.getId()), LocalDate.now().plusDays(3))),
                "task",
                "assignment.error.notYourTask");
        assertThat(jdbc.queryForObject("select count(*) from assignment", Integer.class))
                .isZero();
        logout();

        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        Long indicator = a.getIndicators().get(0).getId();
        assertProblem(
                () -> reports.save(new ReportDraft(null, a.getId(), 0, 101, Confidence.ON_TRACK, "x", Map.of())),
                "percent",
                "report.error.percent");
        assertProblem(
                () -> reports.save(new ReportDraft(null, a.getId(), 0, -1, Confidence.ON_TRACK, "x", Map.of())),
                "percent",
                "report.error.percent");
        assertProblem(
                () -> reports.save(new ReportDraft(
                        null, a.getId(), 0, 10, Confidence.ON_TRACK, "x", Map.of(indicator, new BigDecimal("-5")))),
                "indicator-" + indicator,
                "report.error.indicatorValue");
        assertThat(jdbc.queryForObject("select count(*) from progress_report", Integer.class))
                .isZero();

        ProgressReport draft =
                reports.save(new ReportDraft(null, a.getId(), 0, 10, Confidence.ON_TRACK, "Nháp", Map.of()));
        assertProblem(
                () -> evidence.addEvidence(draft.getId(), "bao-cao.exe", new ByteArrayInputStream(PDF)),
                "file",
                "file.error.type"); // every refusal of a file: EvidenceFilesTest
        assertProblem(
                () -> evidence.addEvidence(draft.getId(), "rong.pdf", new ByteArrayInputStream(new byte[0])),
                "file",
                "file.error.empty");
        assertThat(evidence.evidence(draft.getId())).isEmpty();

        assertProblem(
                () -> extensions.request(a.getId(), a.getDeadline().minusDays(1), "Cần thêm thời gian"),
                "deadline",
                "extension.error.notLater");
        assertProblem(
                () -> extensions.request(a.getId(), a.getDeadline().plusDays(10), ""), "reason", "error.required");
        logout();
    }

    @Test
    void anExtensionMovesTheDeadlineAndKeepsEveryEarlierOne() {
        Assignment a = workflow.assignTask3ToLamDong();
        LocalDate wanted = a.getDeadline().plusDays(20);
        login("lamdong.truong");
        extensions.request(a.getId(), wanted, "Chờ số liệu từ các huyện");
        logout();

        login("quanly");
        assertThatThrownBy(() -> extensions.decide(1L, 0, true, null)).isInstanceOf(AccessDeniedException.class);
        logout();

        login("lanhdao");
        ExtensionRequest pending = extensions.requestsOf(a.getId()).get(0);
        assertThat(myWork.items()).extracting(MyWorkService.Item::kind).contains(MyWorkService.Kind.DECIDE_EXTENSION);
        assertProblem(
                () -> extensions.decide(pending.getId(), pending.getVersion(), false, " "),
                "comment",
                "error.required");
        extensions.decide(pending.getId(), pending.getVersion(), true, "Đồng ý");
        assertThat(assignments.find(a.getId()).orElseThrow().getDeadline()).isEqualTo(wanted);
        assertThat(assignments.deadlineHistory(a.getId()))
                .extracting(DeadlineChange::getNewDeadline)
                .containsExactly(a.getDeadline(), wanted);
        assertProblem(
                () -> extensions.decide(pending.getId(), pending.getVersion() + 1, false, "Đổi ý"),
                "decision",
                "extension.error.decided");
        logout();
    }

    @Test
    void evidenceIsDownloadedOnlyByThoseWhoMaySeeTheAssignment() throws IOException {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 20);
        login("lamdong.truong");
        Long fileId = evidence.evidence(r.getId()).get(0).getId();
        try (InputStream content = evidence.download(fileId).content()) {
            assertThat(content.readAllBytes()).isEqualTo(PDF);
        }
        logout();
        login("quanly");
        assertThat(evidence.download(fileId).contentType()).isEqualTo("application/pdf");
        logout();
        for (String outsider : List.of("hanoi.cv", "danang.truong", "quanly.cchc")) {
            login(outsider);
            assertProblem(() -> evidence.download(fileId), "file", "file.error.notFound");
            logout();
        }
    }

    @Test
    void coordinatingUnitsSeeTheAssignmentAndAddTheirContribution() {
        PriorityTask t3 = workflow.task(3);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        login("quanly");
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(lamDong.getId()),
                Set.of(haNoi.getId()),
                true,
                null,
                ReportingPeriod.MONTHLY,
                "Báo cáo tháng",
                List.of(),
                null,
                null,
                WorkflowFixture.document()));
        Long id = assignments.list(2024, t3.getId(), "lam dong", 0, 1).get(0).getId();
        logout();

        login("hanoi.cv");
        Assignment seen = assignments.find(id).orElseThrow();
        assertThat(seen.isOngoing()).isTrue();
        assertThat(reports.canStartReport(seen)).isFalse();
        assertProblem(() -> assignments.contribute(id, " "), "contribution", "error.required");
        assignments.contribute(id, "Hà Nội chia sẻ kinh nghiệm sắp xếp vị trí việc làm");
        assertThat(assignments.contributions(id))
                .extracting(Contribution::getText)
                .containsExactly("Hà Nội chia sẻ kinh nghiệm sắp xếp vị trí việc làm");
        logout();

        login("danang.cv");
        assertThat(assignments.find(id)).isEmpty();
        assertProblem(() -> assignments.contribute(id, "Không được phép"), "assignment", "assignment.error.notFound");
        logout();
    }
}
