package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/**
 * Object-level access: the staff of Lâm Đồng try every other unit's assignment, report, evidence
 * file and extension request by id, through every screen address and every service method that
 * takes an id, and through the lists. Nothing of another unit may come back (on screen or as a
 * return value), a refused id must look exactly like an id that does not exist, nothing may
 * change, and each refusal must be written to the event log. Then the limits of a coordinating
 * unit: it sees the lead unit's assignment but may not write, submit, attach, ask or approve as lead.
 */
@PortalTest
class ObjectAccessTest extends KaribuTest {

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

    private static final String OFFICER = "lamdong.cv";
    private static final String HEAD = "lamdong.truong";
    private static final String SECRET = "BÍ-MẬT";
    private static final Pattern LINK = Pattern.compile("(assignments|reports)/(\\d+)");

    /** What was set up: ids by owner, and which of them Lâm Đồng may see. */
    private final Map<String, Long> assignmentIds = new LinkedHashMap<>();

    private final Set<Long> foreignAssignments = new TreeSet<>();
    private final Set<Long> foreignReports = new TreeSet<>();
    private final Set<Long> foreignFiles = new TreeSet<>();
    private final Set<Long> foreignExtensions = new TreeSet<>();
    private Long task3;
    private Long task8;

    @Autowired
    ReportingService reporting;

    @Autowired
    DashboardService dashboard;

    @Autowired
    ApprovalService approvals;

    @Autowired
    EvidenceService evidence;

    private int calls;
    private int refusalsLogged;
    private final List<String> leaks = new ArrayList<>();

    @Test
    void staffOfOneUnitGetNothingOfAnotherUnitByIdAndEveryRefusalIsLogged() {
        buildWorld();
        Map<String, Integer> before = counts();
        long missing = 1
                + jdbc.queryForObject(
                        "select max(id) from (select max(id) id from assignment union all "
                                + "select max(id) from progress_report union all select max(id) from evidence_file) ids",
                        Long.class);

        // through the services, as the officer
        login(OFFICER);
        Long ownAssignment = assignmentIds.get("SNV-68/3");
        for (Long id : foreignAssignments) {
            expectRefused("AssignmentService.find", id, () -> assignments.find(id));
            expectRefused("AssignmentService.deadlineHistory", id, () -> assignments.deadlineHistory(id));
            expectRefused("AssignmentService.history", id, () -> assignments.history(id));
            expectRefused("AssignmentService.contributions", id, () -> assignments.contributions(id));
            expectRefused("AssignmentService.contribute", id, () -> assignments.contribute(id, "Ý kiến"));
            expectRefused("ReportService.reportsOf", id, () -> reports.reportsOf(id));
            expectRefused(
                    "ReportService.save (new)",
                    id,
                    () -> reports.save(new ReportDraft(null, id, 0, 50, Confidence.ON_TRACK, "Báo cáo giả", Map.of())));
            expectRefused("ExtensionService.requestsOf", id, () -> extensions.requestsOf(id));
            expectRefused("ReportingService.ofAssignment", id, () -> reporting.ofAssignment(id));
            expectRefused(
                    "ExtensionService.request",
                    id,
                    () -> extensions.request(id, LocalDate.now().plusDays(90), "Gia hạn giả"));
        }
        for (Long id : foreignReports) {
            expectRefused("ReportService.find", id, () -> reports.find(id));
            expectRefused("ReportService.trail", id, () -> approvals.trail(id));
            expectRefused("ReportService.evidence", id, () -> evidence.evidence(id));
            expectRefused("ReportService.submit", id, () -> reports.submit(id, 0));
            expectRefused(
                    "ReportService.addEvidence",
                    id,
                    () -> evidence.addEvidence(id, "gia.pdf", new ByteArrayInputStream(PDF)));
            expectRefused(
                    "ReportService.save (its report into my assignment)",
                    id,
                    () -> reports.save(
                            new ReportDraft(id, ownAssignment, 0, 50, Confidence.ON_TRACK, "Ghi đè", Map.of())));
        }
        for (Long id : foreignFiles) {
            expectRefused("ReportService.download", id, () -> evidence.download(id));
            expectRefused("ReportService.removeEvidence", id, () -> {
                evidence.removeEvidence(id);
                return null;
            });
        }
        listsShowOnlyOwnWork();
        logout();

        // the approval and extension decisions need a head's role
        login(HEAD);
        for (Long id : foreignReports) {
            expectRefused("ReportService.approve", id, () -> approvals.approve(id, 0, "Đồng ý"));
            expectRefused("ReportService.returnReport", id, () -> approvals.returnReport(id, 0, "Trả lại"));
        }
        for (Long id : foreignAssignments) {
            expectRefused(
                    "ExtensionService.request (head)",
                    id,
                    () -> extensions.request(id, LocalDate.now().plusDays(90), "Gia hạn giả"));
        }
        listsShowOnlyOwnWork();
        logout();
        int serviceCalls = calls;
        int serviceRefusals = refusalsLogged;

        // an id that does not exist gets the very same answer as a refused one
        login(OFFICER);
        assertThat(problem(() -> assignments.deadlineHistory(missing)))
                .isEqualTo(problem(() -> assignments.deadlineHistory(
                        foreignAssignments.iterator().next())));
        assertThat(problem(() -> approvals.trail(missing)))
                .isEqualTo(
                        problem(() -> approvals.trail(foreignReports.iterator().next())));
        assertThat(problem(() -> evidence.download(missing)))
                .isEqualTo(
                        problem(() -> evidence.download(foreignFiles.iterator().next())));
        assertThat(problem(() -> evidence.removeEvidence(missing)))
                .isEqualTo(problem(
                        () -> evidence.removeEvidence(foreignFiles.iterator().next())));

        // through the screens
        List<String> addresses = new ArrayList<>();
        foreignAssignments.forEach(
                id -> addresses.addAll(List.of("assignments/" + id, "assignments/" + id + "/report")));
        foreignReports.forEach(id -> addresses.add("reports/" + id));
        for (String address : addresses) {
            long logged = refusals(OFFICER);
            navigate(address);
            calls++;
            String screen = screen();
            assertThat(screen)
                    .as(address)
                    .containsAnyOf(
                            "Không tìm thấy nhiệm vụ hoặc đồng chí không có quyền xem",
                            "Không tìm thấy báo cáo hoặc đồng chí không có quyền xem");
            checkScreen(address, screen);
            assertThat(refusals(OFFICER)).as("refusal of %s is logged", address).isGreaterThan(logged);
            refusalsLogged += (int) (refusals(OFFICER) - logged);
        }
        for (String address : List.of(
                "",
                "assignments",
                "my-work",
                "tasks/" + task3,
                "tasks/" + task8,
                "assignments/" + ownAssignment,
                "assignments/" + assignmentIds.get("SNV-01/8"))) {
            navigate(address);
            calls++;
            checkScreen(address, screen());
        }
        logout();

        assertThat(counts()).as("nothing changed").isEqualTo(before);
        System.out.printf(
                "Object-level access as %s and %s: ids of other units tried: %d assignments, %d reports, "
                        + "%d files, %d extension requests (+ ids that do not exist); %d service calls, %d screen "
                        + "addresses and lists; refusals logged %d (services %d, screens %d); leaks = %d%n",
                OFFICER,
                HEAD,
                foreignAssignments.size(),
                foreignReports.size(),
                foreignFiles.size(),
                foreignExtensions.size(),
                serviceCalls,
                calls - serviceCalls,
                refusalsLogged,
                serviceRefusals,
                refusalsLogged - serviceRefusals,
                leaks.size());
        assertThat(leaks).isEmpty();
    }

    @Test
    void aCoordinatingUnitSeesTheAssignmentButDoesNotActAsLead() {
        buildWorld();
        Long id = assignmentIds.get("SNV-01/8");
        login("hanoi.cv");
        ProgressReport hanoi = reports.reportsOf(id).get(0);
        Long hanoiFile = evidence.evidence(hanoi.getId()).get(0).getId();
        logout();
        Map<String, Integer> before = counts();

        login(OFFICER);
        Assignment seen = assignments.find(id).orElseThrow();
        assertThat(reports.reportsOf(id)).extracting(ProgressReport::getId).containsExactly(hanoi.getId());
        assertThat(reports.canStartReport(seen)).isFalse();
        assertThat(extensions.canRequest(seen)).isFalse();
        assertThat(reports.canWrite(reports.find(hanoi.getId()).orElseThrow())).isFalse();
        int refusedBefore = calls;
        expectRefused(
                "ReportService.save (new, as coordinator)",
                id,
                () -> reports.save(new ReportDraft(null, id, 0, 50, Confidence.ON_TRACK, "Báo cáo thay", Map.of())));
        expectRefused(
                "ReportService.save (lead's report)",
                id,
                () -> reports.save(new ReportDraft(
                        hanoi.getId(),
                        id,
                        hanoi.getVersion(),
                        90,
                        Confidence.ON_TRACK,
                        "Sửa báo cáo của Hà Nội",
                        Map.of())));
        expectRefused(
                "ReportService.submit (lead's report)", id, () -> reports.submit(hanoi.getId(), hanoi.getVersion()));
        expectRefused(
                "ReportService.addEvidence (lead's report)",
                id,
                () -> evidence.addEvidence(hanoi.getId(), "them.pdf", new ByteArrayInputStream(PDF)));
        expectRefused("ReportService.removeEvidence (lead's file)", id, () -> {
            evidence.removeEvidence(hanoiFile);
            return null;
        });
        expectRefused(
                "ExtensionService.request (as coordinator)",
                id,
                () -> extensions.request(id, seen.getDeadline().plusDays(30), "Xin gia hạn thay"));
        navigate("assignments/" + id);
        assertThat(_find(Button.class).stream().map(Button::getText)).doesNotContain("Lập báo cáo", "Đề nghị gia hạn");
        navigate("reports/" + hanoi.getId());
        assertThat(_get(ReportView.class).saveDraft).isNull();
        logout();

        login(HEAD);
        expectRefused(
                "ReportService.approve (lead's report, as coordinator's head)",
                id,
                () -> approvals.approve(hanoi.getId(), hanoi.getVersion(), "Đồng ý"));
        expectRefused(
                "ExtensionService.request (as coordinator's head)",
                id,
                () -> extensions.request(id, seen.getDeadline().plusDays(30), "Xin gia hạn thay"));
        logout();

        login(OFFICER);
        assignments.contribute(id, "Lâm Đồng góp ý về vị trí việc làm");
        logout();
        Map<String, Integer> after = counts();
        assertThat(after.get("contribution")).isEqualTo(before.get("contribution") + 1);
        after.put("contribution", before.get("contribution"));
        assertThat(after).as("nothing but the contribution changed").isEqualTo(before);
        System.out.printf(
                "Coordinating unit (Lâm Đồng on Hà Nội's task 8): sees it; %d lead-only actions tried, "
                        + "all refused, refusals logged %d; contribution accepted; leaks = %d%n",
                calls - refusedBefore, refusalsLogged, leaks.size());
        assertThat(leaks).isEmpty();
    }

    @Test
    void addressesWithIdsThatAreNoNumberOrTooBigShowNotFound() {
        login(OFFICER);
        for (String address : List.of(
                "assignments/99999999999999999999",
                "reports/99999999999999999999",
                "tasks/99999999999999999999",
                "assignments/99999999999999999999/report",
                "assignments/-1",
                "assignments/1e3",
                "reports/0",
                "assignments/%27%20OR%201=1")) {
            navigate(address);
            assertThat(_find(AssignmentView.class)).as(address).isEmpty();
            assertThat(_find(ReportView.class).stream().filter(v -> v.saveDraft != null))
                    .as(address)
                    .isEmpty();
        }
        System.out.println("Addresses with ids that are no number or too big for one: 8 tried, all shown as not found, "
                + "server errors = 0");
    }

    /** Lists, counts and "my work" hold only what Lâm Đồng leads or coordinates. */
    private void listsShowOnlyOwnWork() {
        for (Long taskId : new Long[] {null, task3, task8}) {
            List<Assignment> rows = assignments.list(2024, taskId, "", 0, 1000);
            calls += 2;
            rows.stream()
                    .map(Assignment::getId)
                    .filter(foreignAssignments::contains)
                    .forEach(id -> leaks.add("AssignmentService.list -> assignment " + id));
            assertThat(assignments.count(2024, taskId, "")).isEqualTo(rows.size());
        }
        calls++;
        myWork.items().stream()
                .filter(i -> foreignAssignments.contains(i.assignment().getId())
                        || (i.reportId() != null && foreignReports.contains(i.reportId())))
                .forEach(i -> leaks.add("MyWorkService.items -> " + i));
        calls++;
        dashboard.matrix(DashboardFilter.of(2024), false).cells().values().stream()
                .map(Figures.Cell::firstAssignmentId)
                .filter(foreignAssignments::contains)
                .forEach(id -> leaks.add("DashboardService.matrix -> assignment " + id));
        for (Long id : foreignAssignments) {
            Map<String, Object> cell =
                    jdbc.queryForMap("select task_id, lead_unit_id from assignment where id = ?", id);
            calls++;
            dashboard
                    .cellAssignments(
                            DashboardFilter.of(2024),
                            ((Number) cell.get("task_id")).longValue(),
                            ((Number) cell.get("lead_unit_id")).longValue())
                    .stream()
                    .map(Figures.CellAssignment::id)
                    .filter(foreignAssignments::contains)
                    .forEach(a -> leaks.add("DashboardService.cellAssignments -> assignment " + a));
        }
        calls++;
        reporting.rows(ReportingFilter.year(LocalDate.now().getYear()), 0, 1000).stream()
                .map(ReportingRow::assignmentId)
                .filter(foreignAssignments::contains)
                .forEach(id -> leaks.add("ReportingService.rows -> assignment " + id));
    }

    @Test
    void reportingAndDashboardShowEachPersonTheRowsOfTheirReachOnly() {
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        OrgUnit daNang = workflow.unit("SNV-48");
        login("quanly");
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(haNoi.getId(), lamDong.getId()),
                Set.of(),
                true,
                null,
                ReportingPeriod.MONTHLY,
                "Báo cáo tháng",
                List.of(),
                null,
                null,
                WorkflowFixture.document()));
        logout();
        login("quanly.cchc");
        assignments.assign(new AssignDraft(
                t8.getId(),
                Set.of(haNoi.getId(), daNang.getId()),
                Set.of(),
                true,
                null,
                ReportingPeriod.MONTHLY,
                "Báo cáo tháng",
                List.of(),
                null,
                null,
                WorkflowFixture.document()));
        logout();
        ReportingFilter thisYear = ReportingFilter.year(LocalDate.now().getYear());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("quanly", "3/SNV-01 3/SNV-68");
        expected.put("quanly.cchc", "8/SNV-01 8/SNV-48");
        expected.put("lanhdao", "3/SNV-01 3/SNV-68 8/SNV-01 8/SNV-48");
        expected.put(OFFICER, "3/SNV-68");
        expected.put("hanoi.truong", "3/SNV-01 8/SNV-01");
        List<String> seen = new ArrayList<>();
        expected.forEach((who, rows) -> {
            login(who);
            String reportingRows = reporting.rows(thisYear, 0, 1000).stream()
                    .map(r -> r.taskNumber() + "/" + r.unitCode())
                    .distinct()
                    .sorted()
                    .reduce((x, y) -> x + " " + y)
                    .orElse("");
            Figures.Matrix matrix = dashboard.matrix(DashboardFilter.of(2024), true);
            String cells = matrix.cells().values().stream()
                    .map(c ->
                            matrix.rows().stream()
                                            .filter(r -> r.id() == c.taskId())
                                            .findFirst()
                                            .orElseThrow()
                                            .number() + "/"
                                    + matrix.columns().stream()
                                            .filter(u -> u.id() == c.unitId())
                                            .findFirst()
                                            .orElseThrow()
                                            .code())
                    .sorted()
                    .reduce((x, y) -> x + " " + y)
                    .orElse("");
            logout();
            seen.add(who + ": reporting [" + reportingRows + "], dashboard [" + cells + "]");
            assertThat(reportingRows).as("reporting rows of %s", who).isEqualTo(rows);
            assertThat(cells).as("dashboard cells of %s", who).isEqualTo(rows);
        });
        System.out.println("Reporting and dashboard rows by person (task/lead unit): " + String.join("; ", seen));
    }

    private String currentUsername() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()
                .getName();
    }

    /**
     * Calls with another unit's id: the call must be refused as "not found" (never a role error,
     * never a server error, never a value), and the refusal must reach the event log.
     */
    private void expectRefused(String method, Long id, Supplier<Object> call) {
        String actor = currentUsername();
        long logged = refusals(actor);
        calls++;
        try {
            Object value = call.get();
            if (!(value instanceof Optional<?> o && o.isEmpty())) {
                leaks.add(method + "(" + id + ") as " + actor + " returned " + value);
            }
        } catch (InvalidInputException refused) {
            // the expected answer
        } catch (AccessDeniedException roleRefusal) {
            throw new AssertionError(method + " refused by role, not by the object: the row is not tried", roleRefusal);
        }
        long now = refusals(actor);
        assertThat(now)
                .as("%s(%s) as %s: the refusal is in the event log", method, id, actor)
                .isGreaterThan(logged);
        refusalsLogged += (int) (now - logged);
    }

    private static List<InvalidInputException.Problem> problem(Runnable call) {
        try {
            call.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private long refusals(String actor) {
        return jdbc.queryForObject(
                "select count(*) from event_log where action = 'ACCESS_REFUSED' and actor = ?", Long.class, actor);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "assignment",
                "progress_report",
                "indicator_value",
                "evidence_file",
                "approval_decision",
                "extension_request",
                "deadline_change",
                "contribution")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        counts.put(
                "files removed",
                jdbc.queryForObject("select count(*) from evidence_file where removed_at is not null", Integer.class));
        counts.put(
                "report versions",
                jdbc.queryForObject("select coalesce(sum(version), 0) from progress_report", Integer.class));
        return counts;
    }

    /** Everything the screen holds: text, attributes and properties of every component, and every grid row. */
    private static String screen() {
        StringBuilder out = new StringBuilder();
        for (Component c : _find(Component.class)) {
            Element e = c.getElement();
            e.getAttributeNames()
                    .forEach(n ->
                            out.append(n).append('=').append(e.getAttribute(n)).append('\n'));
            e.getPropertyNames()
                    .forEach(n -> out.append(n)
                            .append('=')
                            .append(e.getPropertyRaw(n))
                            .append('\n'));
            e.getChildren()
                    .filter(Element::isTextNode)
                    .forEach(t -> out.append(t.getText()).append('\n'));
            if (c instanceof Grid<?> grid) {
                for (int i = 0; i < _size(grid); i++) {
                    out.append(_getFormattedRow(grid, i)).append('\n');
                    Object item = com.github.mvysny.kaributesting.v10.GridKt._get(grid, i);
                    if (item instanceof Assignment a) {
                        out.append("assignments/").append(a.getId()).append('\n');
                    } else if (item instanceof ProgressReport r) {
                        out.append("reports/").append(r.getId()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** No secret of another unit, no link to another unit's assignment or report. */
    private void checkScreen(String address, String screen) {
        if (screen.contains(SECRET)) {
            leaks.add("screen " + address + " shows "
                    + screen.substring(screen.indexOf(SECRET), Math.min(screen.length(), screen.indexOf(SECRET) + 60)));
        }
        Matcher link = LINK.matcher(screen);
        while (link.find()) {
            long id = Long.parseLong(link.group(2));
            boolean foreign =
                    link.group(1).equals("assignments") ? foreignAssignments.contains(id) : foreignReports.contains(id);
            if (foreign) {
                leaks.add("screen " + address + " links to " + link.group());
            }
        }
    }

    /**
     * Task 3 (owned by Vụ TCBC, assigned by quanly) and task 8 (Vụ CCHC, quanly.cchc) assigned to
     * provinces and departments, with draft, submitted, approved-at-a-step and returned reports,
     * evidence files, extension requests and contributions. Lâm Đồng leads one assignment and
     * coordinates Hà Nội's task 8; everything else is another unit's, and carries {@value #SECRET}.
     */
    private void buildWorld() {
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        task3 = t3.getId();
        task8 = t8.getId();
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        OrgUnit daNang = workflow.unit("SNV-48");
        OrgUnit tcbc = workflow.unit("V-TCBC");
        OrgUnit cchc = workflow.unit("V-CCHC");
        LocalDate deadline = LocalDate.now().plusDays(45);

        assign("quanly", t3, haNoi, Set.of(), deadline);
        assign("quanly", t3, daNang, Set.of(), deadline);
        assign("quanly", t3, cchc, Set.of(haNoi.getId()), deadline);
        assign("quanly", t3, lamDong, Set.of(), deadline);
        assign("quanly.cchc", t8, haNoi, Set.of(lamDong.getId()), deadline);
        assign("quanly.cchc", t8, daNang, Set.of(haNoi.getId()), deadline);
        assign("quanly.cchc", t8, tcbc, Set.of(), deadline);

        Long hn3 = report("hanoi.cv", "SNV-01/3", true);
        approve("hanoi.truong", hn3);
        report("danang.cv", "SNV-48/3", false);
        Long dn8 = report("danang.cv", "SNV-48/8", true);
        approve("danang.truong", dn8);
        Long cchc3 = report("cchc.cv", "V-CCHC/3", true);
        login("cchc.truong");
        ProgressReport toReturn = reports.find(cchc3).orElseThrow();
        approvals.returnReport(cchc3, toReturn.getVersion(), SECRET + " trả lại: thiếu số liệu");
        logout();
        report("tcbc.cv", "V-TCBC/8", false);
        report(OFFICER, "SNV-68/3", false);
        report("hanoi.cv", "SNV-01/8", true);

        login("hanoi.truong");
        extensions.request(assignmentIds.get("SNV-01/3"), deadline.plusDays(30), SECRET + " chờ số liệu quận huyện");
        assignments.contribute(assignmentIds.get("SNV-48/8"), SECRET + " Hà Nội góp ý cho Đà Nẵng");
        assignments.contribute(assignmentIds.get("V-CCHC/3"), SECRET + " Hà Nội góp ý cho Vụ CCHC");
        logout();
        login("danang.cv");
        extensions.request(assignmentIds.get("SNV-48/3"), deadline.plusDays(10), SECRET + " chờ hướng dẫn");
        logout();

        assignmentIds.forEach((key, id) -> {
            if (!key.equals("SNV-68/3") && !key.equals("SNV-01/8")) {
                foreignAssignments.add(id);
            }
        });
        for (Long id : foreignAssignments) {
            foreignReports.addAll(
                    jdbc.queryForList("select id from progress_report where assignment_id = ?", Long.class, id));
            foreignExtensions.addAll(
                    jdbc.queryForList("select id from extension_request where assignment_id = ?", Long.class, id));
        }
        for (Long id : foreignReports) {
            foreignFiles.addAll(jdbc.queryForList("select id from evidence_file where report_id = ?", Long.class, id));
        }
        assertThat(foreignAssignments).hasSize(5);
        assertThat(foreignReports).hasSize(5);
        assertThat(foreignFiles).hasSize(5);
        assertThat(foreignExtensions).hasSize(2);
    }

    private void assign(String manager, PriorityTask task, OrgUnit lead, Set<Long> coordinators, LocalDate deadline) {
        boolean own = lead.getCode().equals("SNV-68") || (lead.getCode().equals("SNV-01") && task.getNumber() == 8);
        String marker = own ? "Lâm Đồng được xem" : SECRET;
        login(manager);
        assignments.assign(new AssignDraft(
                task.getId(),
                Set.of(lead.getId()),
                coordinators,
                false,
                deadline,
                null,
                marker + " sản phẩm của " + lead.getCode(),
                List.of(new AssignDraft.IndicatorDraft(marker + " chỉ tiêu", "người", new BigDecimal("100"))),
                null,
                marker + " hướng dẫn",
                WorkflowFixture.document()));
        Long id = jdbc.queryForObject(
                "select id from assignment where task_id = ? and lead_unit_id = ?",
                Long.class,
                task.getId(),
                lead.getId());
        assignmentIds.put(lead.getCode() + "/" + task.getNumber(), id);
        logout();
    }

    /** The lead unit's officer writes a report with a file, and submits it or leaves it as a draft. */
    private Long report(String officer, String key, boolean submit) {
        Long assignmentId = assignmentIds.get(key);
        String marker = officer.equals(OFFICER) || key.equals("SNV-01/8") ? "Lâm Đồng được xem" : SECRET;
        login(officer);
        Assignment a = assignments.find(assignmentId).orElseThrow();
        ProgressReport r = reports.save(new ReportDraft(
                null,
                assignmentId,
                0,
                40,
                Confidence.AT_RISK,
                marker + " tiến độ của " + key,
                Map.of(a.getIndicators().get(0).getId(), new BigDecimal("41"))));
        evidence.addEvidence(r.getId(), marker + "-" + key.replace('/', '-') + ".pdf", new ByteArrayInputStream(PDF));
        if (submit) {
            ProgressReport fresh = reports.find(r.getId()).orElseThrow();
            reports.submit(fresh.getId(), fresh.getVersion());
        }
        logout();
        return r.getId();
    }

    private void approve(String head, Long reportId) {
        login(head);
        ProgressReport r = reports.find(reportId).orElseThrow();
        approvals.approve(reportId, r.getVersion(), SECRET + " đồng ý");
        logout();
    }
}
