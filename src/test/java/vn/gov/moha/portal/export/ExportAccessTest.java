package vn.gov.moha.portal.export;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;

/**
 * Every export as each kind of person, against the reach worked out here in SQL from the rule
 * (unit staff: what their unit leads or coordinates; a manager: the tasks their department owns;
 * leaders: everything): a file never holds a row of another unit's work, and holds all of the
 * person's own. Also the largest export tried, with its time.
 */
@PortalTest
class ExportAccessTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssignmentsExporter assignmentList;

    @Autowired
    MatrixExporter matrix;

    @Autowired
    MyWorkExporter myWorkList;

    @Autowired
    ReportingExporter reporting;

    @Autowired
    SummaryExporter summary;

    @Autowired
    EventsExporter events;

    @Autowired
    EvidenceService evidence;

    /** Task 3 (Vụ TCBC) and task 8 (Vụ CCHC) dated, task 2 monthly since January, to provinces and departments. */
    private void world() {
        PriorityTask t2 = workflow.task(2);
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        OrgUnit daNang = workflow.unit("SNV-48");
        OrgUnit tcbc = workflow.unit("V-TCBC");
        OrgUnit cchc = workflow.unit("V-CCHC");
        LocalDate deadline = LocalDate.now().plusDays(45);
        login("quanly");
        assignments.assign(workflow.draft(t3, Set.of(haNoi.getId(), daNang.getId(), lamDong.getId()), deadline));
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(cchc.getId()),
                Set.of(haNoi.getId()),
                false,
                deadline,
                null,
                "Báo cáo",
                List.of(),
                null,
                null,
                WorkflowFixture.document()));
        assignments.assign(new AssignDraft(
                t2.getId(),
                Set.of(haNoi.getId(), daNang.getId(), lamDong.getId()),
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
                Set.of(haNoi.getId()),
                Set.of(lamDong.getId()),
                false,
                deadline,
                null,
                "Báo cáo",
                List.of(),
                null,
                null,
                WorkflowFixture.document()));
        assignments.assign(workflow.draft(t8, Set.of(daNang.getId(), tcbc.getId()), deadline));
        logout();
        // the monthly reporting began in January: months are owed (and missing) by now
        jdbc.update(
                "update assignment set created_at = ? where task_id = ?",
                LocalDate.of(LocalDate.now().getYear(), 1, 5).atTime(9, 0),
                t2.getId());
        submitReport(assignments(haNoi, t3), 30);
    }

    private vn.gov.moha.portal.workflow.assignment.Assignment assignments(OrgUnit unit, PriorityTask task) {
        login("admin");
        var a = assignments.list(2024, task.getId(), "", 0, 100).stream()
                .filter(x -> x.getLeadUnit().getId().equals(unit.getId()))
                .findFirst()
                .orElseThrow();
        var full = assignments.find(a.getId()).orElseThrow();
        logout();
        return full;
    }

    protected vn.gov.moha.portal.workflow.report.ProgressReport submitReport(
            vn.gov.moha.portal.workflow.assignment.Assignment a, int percent) {
        login("hanoi.cv");
        var r = reports.save(new vn.gov.moha.portal.workflow.report.ReportDraft(
                null,
                a.getId(),
                0,
                percent,
                vn.gov.moha.portal.workflow.report.Confidence.ON_TRACK,
                "Đã làm " + percent + " %",
                Map.of(a.getIndicators().get(0).getId(), new java.math.BigDecimal("10"))));
        evidence.addEvidence(r.getId(), "bao-cao.pdf", new ByteArrayInputStream(PDF));
        var submitted =
                reports.submit(r.getId(), reports.find(r.getId()).orElseThrow().getVersion());
        logout();
        return submitted;
    }

    /** "taskNumber/unitCode" of the assignments the rule lets the person see (lead = only as lead unit). */
    private Set<String> reach(String username, boolean leadOnly) {
        Map<String, Object> user = jdbc.queryForMap(
                "select u.unit_id, (select count(*) from app_user_role r where "
                        + "r.user_id = u.id and r.role in ('LEADER', 'ADMIN')) as sees_all, (select count(*) from app_user_role r "
                        + "where r.user_id = u.id and r.role = 'MANAGER') as manager from app_user u where u.username = ?",
                username);
        long unit = ((Number) user.get("unit_id")).longValue();
        String where = ((Number) user.get("sees_all")).intValue() > 0
                ? "1 = 1"
                : ((Number) user.get("manager")).intValue() > 0
                        ? "t.lead_unit_id = " + unit
                        : leadOnly
                                ? "a.lead_unit_id = " + unit
                                : "(a.lead_unit_id = " + unit
                                        + " or exists (select 1 from assignment_coordinator c where "
                                        + "c.assignment_id = a.id and c.unit_id = " + unit + "))";
        return new TreeSet<>(jdbc.queryForList(
                "select t.number || '/' || u.code from assignment a join priority_task t "
                        + "on t.id = a.task_id join org_unit u on u.id = a.lead_unit_id where " + where,
                String.class));
    }

    private static Set<String> pairs(Download file, int sheet, int numberCol, int codeCol) {
        Set<String> pairs = new TreeSet<>();
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet s = book.getSheetAt(sheet);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                List<String> row = Workbooks.row(s, r);
                pairs.add(row.get(numberCol) + "/" + row.get(codeCol));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pairs;
    }

    @Test
    void nobodysExportHoldsAnotherUnitsRows() throws Exception {
        world();
        List<String> people = List.of(
                "lamdong.cv",
                "lamdong.truong",
                "hanoi.cv",
                "danang.truong",
                "quanly",
                "quanly.cchc",
                "lanhdao",
                "admin");
        Map<String, String> table = new LinkedHashMap<>();
        int foreignRows = 0;
        int rowsChecked = 0;
        int pdfNamesChecked = 0;
        List<String> leaks = new ArrayList<>();
        Set<String> everything = reach("lanhdao", false);
        for (String who : people) {
            Set<String> mine = reach(who, false);
            Set<String> mineAsLead = reach(who, true);
            login(who);
            Map<String, Set<String>> got = new LinkedHashMap<>();
            got.put("assignments", pairs(assignmentList.assignments(2024, null, "", null, null), 0, 0, 3));
            got.put("matrix", pairs(matrix.matrix(DashboardFilter.of(2024), true, null, null), 1, 0, 2));
            got.put("myWork", pairs(myWorkList.myWork(null, null), 0, 1, 4));
            got.put(
                    "reporting",
                    pairs(
                            reporting.reporting(
                                    ReportingFilter.year(LocalDate.now().getYear()), null, null),
                            0,
                            4,
                            7));
            StringBuilder line = new StringBuilder();
            for (var e : got.entrySet()) {
                Set<String> allowed = e.getKey().equals("reporting")
                                && !who.equals("lanhdao")
                                && !who.startsWith("quanly")
                                && !who.equals("admin")
                        ? mineAsLead
                        : mine;
                Set<String> foreign = new TreeSet<>(e.getValue());
                foreign.removeAll(allowed);
                foreignRows += foreign.size();
                rowsChecked += e.getValue().size();
                foreign.forEach(f -> leaks.add(who + " " + e.getKey() + " -> " + f));
                line.append(e.getKey())
                        .append(' ')
                        .append(e.getValue().size())
                        .append(" (foreign ")
                        .append(foreign.size())
                        .append(") ");
            }
            // the lists and the matrix hold all of the person's reach, not merely nothing foreign
            assertThat(got.get("assignments")).as("assignments of %s", who).isEqualTo(mine);
            assertThat(got.get("matrix")).as("matrix of %s", who).isEqualTo(mine);
            if (summary.canTakeSummary()) {
                Download pdf = summary.summary(DashboardFilter.of(2024), null, null);
                String text;
                try (PDDocument doc = Loader.loadPDF(pdf.content())) {
                    text = new PDFTextStripper().getText(doc);
                }
                String ownUnit = jdbc.queryForObject(
                        "select o.code from app_user u join org_unit o on o.id = u.unit_id " + "where u.username = ?",
                        String.class,
                        who);
                Set<String> foreignUnits = new TreeSet<>();
                for (String pair : everything) {
                    String code = pair.substring(pair.indexOf('/') + 1);
                    if (mine.stream().noneMatch(p -> p.endsWith("/" + code)) && !code.equals(ownUnit)) {
                        foreignUnits.add(code);
                    }
                }
                for (String code : foreignUnits) {
                    String name = MatrixExporter.shortName(
                            jdbc.queryForObject("select name_vi from org_unit where code = ?", String.class, code));
                    pdfNamesChecked++;
                    if (text.contains(name)) {
                        foreignRows++;
                        leaks.add(who + " PDF names " + name);
                    }
                }
                line.append("pdf: ").append(foreignUnits.size()).append(" foreign unit names absent");
            }
            logout();
            table.put(who, line.toString().strip());
        }
        System.out.println("Exports by person (rows per export, rows outside the person's reach):");
        table.forEach((who, line) -> System.out.printf("  %-15s %s%n", who, line));
        System.out.printf(
                "%d exported rows checked, %d foreign unit names looked for in PDFs, foreign rows = %d%n",
                rowsChecked, pdfNamesChecked, foreignRows);
        assertThat(leaks).isEmpty();
        assertThat(foreignRows).isZero();
        assertThat(rowsChecked).isGreaterThan(50);
    }

    /**
     * A large export: 30,000 entries of the event log (100,567 were tried on the running portal, see
     * README), from the screen's button (progress
     * and download without holding the screen) and from the service (progress per page of 500).
     */
    @Test
    void theLargestExportShowsProgressAndFinishesInSeconds() throws Exception {
        int n = 30_000;
        long t0 = System.nanoTime();
        List<Object[]> rows = new ArrayList<>(n);
        java.time.LocalDateTime when = java.time.LocalDateTime.now().minusDays(30);
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {
                java.sql.Timestamp.valueOf(when.plusSeconds(i)),
                "snv" + (i % 63) + ".cv",
                "UNIT_OFFICER",
                i % 3 == 0 ? "REPORT_SUBMIT" : "REPORT_SAVE",
                "REPORT",
                (long) i,
                "percent=" + (i % 100),
                String.format("%064d", i),
                String.format("%064d", i + 1)
            });
        }
        jdbc.batchUpdate(
                "insert into event_log (occurred_at, actor, actor_role, action, entity_type, entity_id, "
                        + "after_value, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        System.out.printf("Inserted %,d event log entries in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);

        login("admin");
        List<Long> seen = new ArrayList<>();
        long t1 = System.nanoTime();
        Download file = events.events(null, null, null, (done, total) -> seen.add(done));
        long serviceMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(file.rows()).isEqualTo(n);
        assertThat(seen).isSorted().startsWith(0L).endsWith((long) n).hasSize(n / PagedSheet.PAGE + 2);
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(n);
            Workbooks.assertDateCell(sheet.getRow(1).getCell(1));
            Workbooks.assertNumberCell(sheet.getRow(1).getCell(0));
            assertThat(Workbooks.row(sheet, 1).get(5)).isIn("Gửi báo cáo", "Lưu báo cáo");
        }
        System.out.printf(
                "Large export: %,d rows of the event log, %,d bytes, %d ms through the service, "
                        + "%d progress reports%n",
                n, file.content().length, serviceMs, seen.size());

        navigate("admin/audit");
        ExportButton button = _get(ExportButton.class);
        long t2 = System.nanoTime();
        button.button.click();
        assertThat(button.progress.isVisible()).isTrue();
        assertThat(button.status.getText()).isEqualTo("Đang chuẩn bị tệp…");
        Download fromScreen = button.running.get(5, TimeUnit.MINUTES);
        MockVaadin.clientRoundtrip();
        System.out.printf(
                "The same from the screen's button: %d ms; then '%s', link '%s'%n",
                (System.nanoTime() - t2) / 1_000_000, button.status.getText(), button.link.getText());
        assertThat(fromScreen.rows()).isEqualTo(n);
        assertThat(button.status.getText()).isEqualTo("Xong: 30.000 dòng");
        assertThat(button.link.getText()).isEqualTo("Tải về nhat-ky-he-thong-" + LocalDate.now() + ".xlsx");
    }
}
