package vn.gov.moha.portal.workflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentEdit;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/**
 * The menu's badge ("Việc cần xử lý") counts in the database ({@link MyWorkService#count}); the screen lists the
 * items ({@link MyWorkService#items}). After a workflow that leaves all four kinds of items waiting, every demo
 * user's badge shows exactly as many items as their screen, 0 for those with nothing to do. One report is waiting
 * at the step of a unit head whose unit no longer leads the assignment (reassigned after the report was sent):
 * the approval query alone still picks it, only the visibility rule (AssignmentAccess.canSee) leaves it out, so
 * a count that forgot that rule would show a badge of 1 over an empty screen.
 */
@PortalTest
class MyWorkCountTest extends KaribuTest {

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
    JdbcTemplate jdbc;

    @Autowired
    ReportRepository reportRepository;

    @Autowired
    ApprovalService approvals;

    @Autowired
    EvidenceService evidence;

    @Test
    void theBadgeCountsWhatTheScreenListsForEveryDemoUser() {
        PriorityTask t3 = workflow.task(3); // Vụ Tổ chức - Biên chế: quanly
        PriorityTask t8 = workflow.task(8); // Vụ Cải cách hành chính: quanly.cchc
        Long lamDong = workflow.unit("SNV-68").getId();
        Long haNoi = workflow.unit("SNV-01").getId();
        Long daNang = workflow.unit("SNV-48").getId();
        Long caoBang = workflow.unit("SNV-04").getId();
        Long cchc = workflow.unit("V-CCHC").getId();
        LocalDate deadline = LocalDate.now().plusDays(30);
        login("quanly");
        assignments.assign(workflow.draft(t3, Set.of(lamDong, haNoi, daNang, cchc), deadline));
        logout();
        login("quanly.cchc");
        assignments.assign(workflow.draft(t8, Set.of(lamDong, daNang), deadline));
        logout();

        // Lâm Đồng, task 3: approved by its head, waits for the manager; its head asks for more time (leaders)
        Assignment lamDong3 = assignmentOf(t3, lamDong);
        ProgressReport r = workflow.submitReport(lamDong3, 40);
        workflow.approveAs("lamdong.truong", r.getId());
        login("lamdong.truong");
        extensions.request(lamDong3.getId(), deadline.plusDays(20), "Chờ số liệu từ các huyện");
        logout();
        // Lâm Đồng, task 8: no report yet (lamdong.cv writes one)
        // Đà Nẵng, task 3: returned by its head (danang.cv fixes it); task 8: waits for its head
        ProgressReport d3 = submit("danang.cv", assignmentOf(t3, daNang), 30);
        long version = workflow.current("danang.truong", d3.getId()).getVersion();
        login("danang.truong");
        approvals.returnReport(d3.getId(), version, "Thiếu minh chứng");
        logout();
        submit("danang.cv", assignmentOf(t8, daNang), 20);
        // Vụ Cải cách hành chính, task 3 (department chain): approved by its head, waits for the leaders
        ProgressReport c3 = submit("cchc.cv", assignmentOf(t3, cchc), 50);
        workflow.approveAs("cchc.truong", c3.getId());
        // Hà Nội, task 3: sent, then the manager moves the assignment to Cao Bằng before Hà Nội's head decides
        Assignment haNoi3 = assignmentOf(t3, haNoi);
        ProgressReport h3 = submit("hanoi.cv", haNoi3, 10);
        login("quanly");
        Assignment fresh = assignments.find(haNoi3.getId()).orElseThrow();
        assignments.edit(new AssignmentEdit(
                fresh.getId(),
                fresh.getVersion(),
                caoBang,
                Set.of(),
                false,
                fresh.getDeadline(),
                fresh.getReportingPeriod(),
                fresh.getExpectedOutput(),
                null,
                fresh.getInstructions(),
                "Giao lại cho Sở Nội vụ Cao Bằng"));
        logout();

        List<String> users = jdbc.queryForList(
                "select username from app_user where username not like 'g.%'" + " order by username", String.class);
        Set<MyWorkService.Kind> kinds = EnumSet.noneOf(MyWorkService.Kind.class);
        int withNothing = 0;
        System.out.println("MyWorkCountTest: badge (count) and screen (items) per demo user");
        for (String username : users) {
            PortalUser me = login(username);
            List<MyWorkService.Item> items = myWork.items();
            int count = myWork.count();
            int picked = reportRepository
                    .findWaitingFor(me.id(), me.unitId(), me.roles())
                    .size();
            System.out.printf(
                    "  %-15s count %d, items %d %s; reports the approval query picks %d%n",
                    username,
                    count,
                    items.size(),
                    items.stream().map(i -> i.kind().name()).toList(),
                    picked);
            assertThat(count).as(username).isEqualTo(items.size());
            items.forEach(i -> kinds.add(i.kind()));
            withNothing += items.isEmpty() ? 1 : 0;
            logout();
        }
        assertThat(kinds)
                .as("the workflow leaves every kind of item waiting")
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(MyWorkService.Kind.class));
        assertThat(withNothing).as("users with nothing to do").isPositive();

        // the report that only the visibility rule leaves out
        PortalUser head = login("hanoi.truong");
        List<ProgressReport> picked = reportRepository.findWaitingFor(head.id(), head.unitId(), head.roles());
        System.out.printf(
                "hanoi.truong after the reassignment: the approval query picks %s, the screen lists %d,"
                        + " the badge shows %d%n",
                picked.stream().map(ProgressReport::getId).toList(),
                myWork.items().size(),
                myWork.count());
        assertThat(picked).extracting(ProgressReport::getId).containsExactly(h3.getId());
        assertThat(myWork.items()).isEmpty();
        assertThat(myWork.count()).isZero();
        logout();
    }

    private Assignment assignmentOf(PriorityTask task, Long leadUnit) {
        login("admin");
        Long id = jdbc.queryForObject(
                "select id from assignment where task_id = ? and lead_unit_id = ?", Long.class, task.getId(), leadUnit);
        Assignment a = assignments.find(id).orElseThrow();
        logout();
        return a;
    }

    /** An officer of the lead unit writes a report and sends it. */
    private ProgressReport submit(String officer, Assignment a, int percent) {
        login(officer);
        ProgressReport draft = reports.save(new ReportDraft(
                null,
                a.getId(),
                0,
                percent,
                Confidence.ON_TRACK,
                "Đã thực hiện " + percent + " % khối lượng",
                java.util.Map.of(a.getIndicators().get(0).getId(), new java.math.BigDecimal("48"))));
        evidence.addEvidence(draft.getId(), "bao-cao.pdf", new ByteArrayInputStream(PDF));
        ProgressReport fresh = reports.find(draft.getId()).orElseThrow();
        ProgressReport sent = reports.submit(fresh.getId(), fresh.getVersion());
        logout();
        return sent;
    }
}
