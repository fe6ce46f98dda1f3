package vn.gov.moha.portal.workflow;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Shared steps of the workflow tests, a bean of every {@code @PortalTest}: task 3 assigned to Lâm Đồng, a submitted
 * report, an approval. Each step logs in as the person who does it and logs out after. Public for tests elsewhere
 * that need workflow data on their screens.
 */
public class WorkflowFixture {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();

    /** The assigning document every fixture assignment carries: Kế hoạch 01/KH-BNV of 05/01/2024, with a PDF. */
    public static DocumentDraft document() {
        return document("01/KH-BNV");
    }

    /** An assigning document of that number, issued 05/01/2024 by Bộ Nội vụ, with a small PDF. */
    public static DocumentDraft document(String number) {
        return new DocumentDraft(
                number,
                LocalDate.of(2024, 1, 5),
                "Kế hoạch triển khai tinh giản biên chế năm 2024",
                "Bộ Nội vụ",
                "Nguyễn Minh Quang",
                "ke-hoach.pdf",
                new ByteArrayInputStream(PDF));
    }

    private final AssignmentService assignments;
    private final ReportService reports;
    private final ApprovalService approvals;
    private final EvidenceService evidence;
    private final TaskService tasks;
    private final UnitService units;
    private final TestUsers users;

    WorkflowFixture(
            AssignmentService assignments,
            ReportService reports,
            ApprovalService approvals,
            EvidenceService evidence,
            TaskService tasks,
            UnitService units,
            TestUsers users) {
        this.assignments = assignments;
        this.reports = reports;
        this.approvals = approvals;
        this.evidence = evidence;
        this.tasks = tasks;
        this.units = units;
        this.users = users;
    }

    private PortalUser login(String username) {
        return users.login(username);
    }

    private void logout() {
        users.logout();
    }

    public PriorityTask task(int number) {
        login("admin");
        PriorityTask t = tasks.tasksOf(2024, "").stream()
                .filter(x -> x.getNumber() == number)
                .findFirst()
                .orElseThrow();
        logout();
        return t;
    }

    public OrgUnit unit(String code) {
        login("admin");
        OrgUnit u = units.all().stream()
                .filter(x -> x.getCode().equals(code))
                .findFirst()
                .orElseThrow();
        logout();
        return u;
    }

    public AssignDraft draft(PriorityTask task, Set<Long> leads, LocalDate deadline) {
        return new AssignDraft(
                task.getId(),
                leads,
                Set.of(),
                false,
                deadline,
                null,
                "Báo cáo kết quả tinh giản biên chế",
                List.of(new AssignDraft.IndicatorDraft("Số biên chế tinh giản", "người", new BigDecimal("120"))),
                null,
                "Thực hiện theo Nghị định 29/2023/NĐ-CP",
                document());
    }

    /** quanly assigns task 3 to Lâm Đồng (deadline in 30 days) and returns the assignment. */
    public Assignment assignTask3ToLamDong() {
        PriorityTask t3 = task(3);
        OrgUnit lamDong = unit("SNV-68");
        login("quanly");
        assignments.assign(draft(t3, Set.of(lamDong.getId()), LocalDate.now().plusDays(30)));
        Assignment a = assignments.list(2024, t3.getId(), "lam dong", 0, 10).get(0);
        Assignment full = assignments.find(a.getId()).orElseThrow();
        logout();
        return full;
    }

    /** lamdong.cv writes a report with the given percent, attaches a PDF and submits it. */
    public ProgressReport submitReport(Assignment a, int percent) {
        login("lamdong.cv");
        Long indicator = a.getIndicators().get(0).getId();
        ProgressReport r = reports.save(new ReportDraft(
                null,
                a.getId(),
                0,
                percent,
                Confidence.ON_TRACK,
                "Đã hoàn thành " + percent + " % khối lượng",
                Map.of(indicator, new BigDecimal("48"))));
        evidence.addEvidence(r.getId(), "bao-cao.pdf", new ByteArrayInputStream(PDF));
        ProgressReport fresh = reports.find(r.getId()).orElseThrow();
        ProgressReport submitted = reports.submit(fresh.getId(), fresh.getVersion());
        logout();
        return submitted;
    }

    public ProgressReport approveAs(String username, Long reportId) {
        login(username);
        ProgressReport r = reports.find(reportId).orElseThrow();
        ProgressReport result = approvals.approve(r.getId(), r.getVersion(), null);
        logout();
        return result;
    }

    public ProgressReport current(String username, Long reportId) {
        login(username);
        ProgressReport r = reports.find(reportId).orElseThrow();
        logout();
        return r;
    }
}
