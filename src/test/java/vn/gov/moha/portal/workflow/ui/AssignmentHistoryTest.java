package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.AuditExports;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.ui.TestUploads;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * The assignment's "Lịch sử" tab as its readers meet it: Vietnam time like every other time of the portal, people
 * by their names, one entry per thing done, and only what was done to the task (refused looks are the
 * administrator's).
 */
@PortalTest
class AssignmentHistoryTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Pattern TIME = Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

    @Autowired
    AuditExports exports;

    @Autowired
    EventLog log;

    @Autowired
    ApprovalService approvals;

    /**
     * One approval, four places that show when it happened: the history tab, the report's approval trail, the
     * notice it sends and the event log's Excel export. All show the same minute, Vietnam's. The JVM runs on
     * Vietnam time as the packaged jar does (Application.main sets it; surefire's -Duser.timezone here), and the
     * history is read again on a default zone of UTC, which is what a server's zone is: what the tab shows may not
     * depend on it. Before the fix the tab and the export showed the UTC time (7 hours earlier) that the log
     * stores.
     */
    @Test
    void anApprovalShowsTheSameVietnamTimeInTheHistoryTheTrailTheNoticeAndTheExport() throws Exception {
        assertThat(TimeZone.getDefault().getID())
                .as("the portal's zone, as Application.main sets it")
                .isEqualTo("Asia/Ho_Chi_Minh");
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 40);
        ZonedDateTime before = ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        workflow.approveAs("lamdong.truong", r.getId());
        ZonedDateTime after = ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Set<String> vietnamTime = new TreeSet<>(); // the minute of the approval (two if it fell on a minute's turn)
        for (ZonedDateTime t = before.truncatedTo(ChronoUnit.MINUTES); !t.isAfter(after); t = t.plusMinutes(1)) {
            vietnamTime.add(SHOWN.format(t));
        }

        login("quanly");
        Grid<?> history = historyTab(a);
        List<String> approval = inUtc(() -> row(history, "Duyệt, chuyển bước tiếp theo"));
        String inHistory = approval.get(0);

        navigate("reports/" + r.getId());
        String trail =
                _get(Paragraph.class, p -> p.withClasses("trail-approved")).getText();
        String inTrail = time(trail);

        navigate("notifications");
        Grid<?> notices = _get(Grid.class);
        assertThat(_size(notices))
                .as("quanly's notices: the report waits for them")
                .isEqualTo(1);
        String inNotice = _getFormattedRow(notices, 0).get(0);
        logout();

        login("admin");
        Download file = exports.events(null, "REPORT_APPROVE_STEP", null, null);
        String inExport;
        Map<String, String> about;
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(1);
            Workbooks.assertDateCell(sheet.getRow(1).getCell(1));
            inExport = SHOWN.format(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue());
            about = Workbooks.about(book);
        }
        logout();

        System.out.printf(
                "approved at %s (Vietnam); history %s, trail %s, notice %s, export %s%n",
                vietnamTime, inHistory, inTrail, inNotice, inExport);
        assertThat(List.of(inHistory, inTrail, inNotice, inExport))
                .as("history, trail, notice, export")
                .allSatisfy(shown -> assertThat(shown).isIn(vietnamTime));
        assertThat(List.of(inTrail, inNotice, inExport)).containsOnly(inHistory);
        assertThat(about).containsEntry("Múi giờ của thời điểm", "Asia/Ho_Chi_Minh");
    }

    /**
     * Who did it, by name as on the rest of the portal (the approval trail says "Phạm Văn Sơn"), with the username
     * the log keeps on hover; the leader in charge by name too. The administrator's export keeps the username and
     * adds the name.
     */
    @Test
    void theHistoryNamesPeopleByFullNameWithTheUsernameOnHover() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 40);
        workflow.approveAs("lamdong.truong", r.getId());

        login("quanly");
        Grid<?> history = historyTab(a);
        List<String> names = List.of(
                "Lê Thị Thanh Hương", "K'Hoàng Thị Hạnh", "K'Hoàng Thị Hạnh", "K'Hoàng Thị Hạnh", "Phạm Văn Sơn");
        List<String> usernames = List.of("quanly", "lamdong.cv", "lamdong.cv", "lamdong.cv", "lamdong.truong");
        assertThat(_size(history)).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(_getFormattedRow(history, i).get(1)).as("who, row %d", i).contains(names.get(i));
            assertThat(whoCell(history, i))
                    .as("name, and username on hover, row %d", i)
                    .containsExactly(names.get(i), usernames.get(i));
        }
        assertThat(row(history, "Giao nhiệm vụ").get(3))
                .contains("Lãnh đạo phụ trách: Nguyễn Minh Quang")
                .doesNotContain("lanhdao");
        logout();

        login("admin");
        try (XSSFWorkbook book = Workbooks.open(exports.events(null, "REPORT_APPROVE_STEP", null, null))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet).subList(2, 4)).containsExactly("Người thực hiện", "Họ và tên");
            assertThat(Workbooks.row(sheet, 1).subList(2, 4)).containsExactly("lamdong.truong", "Phạm Văn Sơn");
        }
    }

    /**
     * The officer saves a new report, attaches a file and sends it without changing it again: one "Lưu báo cáo".
     * Before the fix "Gửi báo cáo" saved the unchanged draft again and the history showed the first save twice.
     * A save that does change the report is still written, each time.
     */
    @Test
    void aReportSavedOnceThenSentShowsOneSaveInTheHistory() {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        navigate("assignments/" + a.getId() + "/report");
        ReportView form = _get(ReportView.class);
        _setValue(form.percent, 40);
        _setValue(form.confidence, Confidence.ON_TRACK);
        _setValue(form.narrative, "Đã rà soát 40 % vị trí việc làm");
        _setValue(form.values.values().iterator().next(), new BigDecimal("48"));
        _click(form.saveDraft);
        expectNotifications("Đã lưu nháp");
        TestUploads.upload(_get(ReportView.class).upload, "bao-cao.pdf", "application/pdf", PDF);
        _click(_get(ReportView.class).submit);
        expectNotifications("Đã gửi báo cáo");

        Grid<?> history = historyTab(a);
        assertThat(actions(history)).containsExactly("Giao nhiệm vụ", "Lưu báo cáo", "Đính kèm tệp", "Gửi báo cáo");
        logout();

        // returned, then changed and sent again: that save is written (before → after)
        login("lamdong.truong");
        ProgressReport sent =
                reports.find(reports.reportsOf(a.getId()).get(0).getId()).orElseThrow();
        approvals.returnReport(sent.getId(), sent.getVersion(), "Bổ sung số liệu");
        logout();
        login("lamdong.cv");
        navigate("reports/" + sent.getId());
        _setValue(_get(ReportView.class).percent, 45);
        _click(_get(ReportView.class).submit);
        expectNotifications("Đã gửi báo cáo");
        assertThat(actions(historyTab(a)))
                .containsExactly(
                        "Giao nhiệm vụ",
                        "Lưu báo cáo",
                        "Đính kèm tệp",
                        "Gửi báo cáo",
                        "Trả lại báo cáo",
                        "Lưu báo cáo",
                        "Gửi báo cáo");
    }

    /**
     * Hà Nội's officer and another department's manager open Lâm Đồng's assignment by its address: refused, and
     * the administrator's "Nhật ký hệ thống" shows both refusals; the history that Lâm Đồng's unit and its
     * manager read shows neither (before the fix it listed them as "Truy cập bị từ chối").
     */
    @Test
    void aRefusedLookUpByAnotherUnitIsInTheAdministratorsLogNotInTheHistory() {
        Assignment a = workflow.assignTask3ToLamDong();
        for (String outsider : List.of("hanoi.cv", "quanly.cchc")) {
            login(outsider);
            navigate("assignments/" + a.getId());
            assertThat(_find(TabSheet.class))
                    .as("%s sees no assignment", outsider)
                    .isEmpty();
            logout();
        }

        login("admin");
        navigate("admin/audit");
        Grid<?> audit = _get(Grid.class);
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < _size(audit); i++) {
            List<String> line = _getFormattedRow(audit, i);
            if (line.get(3).equals("Truy cập bị từ chối")) {
                refusals.add(line.get(2));
            }
        }
        assertThat(refusals)
                .as("refusals in Nhật ký hệ thống")
                .anyMatch(w -> w.startsWith("hanoi.cv"))
                .anyMatch(w -> w.startsWith("quanly.cchc"));
        logout();

        for (String reader : List.of("quanly", "lamdong.truong")) {
            login(reader);
            Grid<?> history = historyTab(a);
            assertThat(actions(history)).as("history as %s reads it", reader).containsExactly("Giao nhiệm vụ");
            logout();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Opens the assignment and its "Lịch sử" tab; returns the history grid. */
    /** What the "who" cell's template gets for a row: the name shown and the username on hover. */
    @SuppressWarnings("unchecked")
    private static List<Object> whoCell(Grid<?> grid, int row) {
        Grid<Object> g = (Grid<Object>) grid;
        Map<String, ValueProvider<Object, ?>> values =
                ((LitRenderer<Object>) g.getColumnByKey("who").getRenderer()).getValueProviders();
        Object entry = _get(g, row);
        return List.of(values.get("name").apply(entry), values.get("user").apply(entry));
    }

    private static Grid<?> historyTab(Assignment a) {
        UI.getCurrent().getPage().reload();
        navigate("assignments/" + a.getId());
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedTab(_find(tabs, Tab.class).stream()
                .filter(t -> "Lịch sử".equals(t.getLabel()))
                .findFirst()
                .orElseThrow());
        return _get(Grid.class, g -> g.withClasses("history"));
    }

    private static List<String> actions(Grid<?> history) {
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < _size(history); i++) {
            actions.add(_getFormattedRow(history, i).get(2));
        }
        return actions;
    }

    /** The one row of the history with this action, as its cells show it. */
    private static List<String> row(Grid<?> history, String action) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < _size(history); i++) {
            List<String> line = _getFormattedRow(history, i);
            if (line.get(2).equals(action)) {
                rows.add(line);
            }
        }
        assertThat(rows).as("history rows \"%s\"", action).hasSize(1);
        return rows.get(0);
    }

    private static String time(String text) {
        Matcher m = TIME.matcher(text);
        assertThat(m.find()).as("a time in \"%s\"", text).isTrue();
        return m.group();
    }

    /** Runs with the JVM's default zone set to UTC, as on a server whose zone nobody set. */
    private static <T> T inUtc(Supplier<T> check) {
        TimeZone portal = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            return check.get();
        } finally {
            TimeZone.setDefault(portal);
        }
    }
}
