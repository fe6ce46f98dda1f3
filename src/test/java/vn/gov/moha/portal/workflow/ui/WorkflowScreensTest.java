package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.DatabaseCleaner;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.ui.TestUploads;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * The workflow as its users meet it on screen: each step done by the real role, through the
 * buttons and fields of the views, checking what that person then sees.
 */
@PortalTest
class WorkflowScreensTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    DatabaseCleaner cleaner;

    @Autowired
    AssignmentService assignments;

    @Autowired
    JdbcTemplate jdbc;

    private static final String TO_APPROVE = "Báo cáo chờ đồng chí duyệt";
    private static final String TO_FIX = "Báo cáo bị trả lại cần sửa";
    private static final String TO_WRITE = "Nhiệm vụ cần báo cáo tiến độ";

    @Test
    void aTaskTravelsFromAssignmentThroughReturnedAndAcceptedReportsToDoneOnTime() {
        // quanly assigns task 3 to every province in one action
        as("quanly");
        navigate("assignments");
        AssignmentsView list = _get(AssignmentsView.class);
        AssignDialog dialog = AssignDialogSteps.openFor(3);
        _click(dialog.allProvinces);
        assertThat(dialog.leadUnits.getValue()).hasSize(34);
        AssignDialogSteps.deadlineAndOutput(dialog);
        fillIndicator(dialog.indicators, "Số biên chế tinh giản", "người", "120");
        AssignDialogSteps.document(dialog.document, "01/KH-BNV");
        _click(dialog.save);

        expectNotifications("Đã giao nhiệm vụ cho 34 đơn vị");
        assertThat(dialog.isOpened()).isFalse();
        _setValue(
                list.task,
                list.task
                        .getListDataView()
                        .getItems()
                        .filter(t -> t.getNumber() == 3)
                        .findFirst()
                        .orElseThrow());
        assertThat(_size(list.grid)).isEqualTo(34);
        _setValue(list.search, "lam dong");
        assertThat(_size(list.grid)).isEqualTo(1);
        Long assignmentId = GridKt._get(list.grid, 0).getId();

        // lamdong.cv writes the first report from "my work": draft, evidence, submit
        as("lamdong.cv");
        openFromMyWork(TO_WRITE);
        ReportView report = _get(ReportView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("assignments/" + assignmentId + "/report");
        assertThat(_find(Span.class, s -> s.withClasses("report-status"))).isEmpty();
        assertThat(report.values.values()).singleElement().satisfies(field -> {
            assertThat(field.getLabel()).isEqualTo("Kết quả: Số biên chế tinh giản (người)");
            assertThat(field.getHelperText()).isEqualTo("Chỉ tiêu: 120");
        });
        fillReport(report, 40, "48");
        _click(report.saveDraft);
        expectNotifications("Đã lưu nháp");
        assertThat(status()).isEqualTo("Bản nháp");
        Long reportId = reportIdInAddress();

        report = _get(ReportView.class);
        TestUploads.upload(report.upload, "bao-cao.pdf", "application/pdf", PDF);
        assertThat(_get(Anchor.class, a -> a.withClasses("evidence-link")).getText())
                .isEqualTo("bao-cao.pdf");
        _click(_get(ReportView.class).submit);
        expectNotifications("Đã gửi báo cáo");
        assertThat(status()).isEqualTo("Đang chờ duyệt");
        assertThat(statusLine()).contains("Đang chờ bước 1: Lãnh đạo đơn vị");

        // the head of unit and the manager approve; the leader first tries to return without a reason
        approveOnScreen("lamdong.truong");
        assertThat(statusLine()).contains("Đang chờ bước 2: Chuyên viên quản lý (Vụ)");
        approveOnScreen("quanly");
        assertThat(statusLine()).contains("Đang chờ bước 3: Lãnh đạo Bộ");

        as("lanhdao");
        openFromMyWork(TO_APPROVE);
        report = _get(ReportView.class);
        _click(report.returnIt);
        assertFieldError(report.comment, "Vui lòng nhập thông tin này");
        expectNoNotifications();
        assertThat(status()).isEqualTo("Đang chờ duyệt");
        assertThat(storedStatus(reportId)).isEqualTo("SUBMITTED");
        assertThat(report.returnIt.isEnabled()).isTrue();
        _setValue(report.comment, "Bổ sung số liệu");
        _click(report.returnIt);
        expectNotifications("Đã trả lại báo cáo");
        assertThat(status()).isEqualTo("Bị trả lại");

        // lamdong.cv fixes the returned report and submits it again; all three approve
        as("lamdong.cv");
        openFromMyWork(TO_FIX);
        report = _get(ReportView.class);
        assertThat(reportIdInAddress()).isEqualTo(reportId);
        assertThat(report.percent.getValue()).isEqualTo(40);
        _setValue(report.percent, 45);
        _click(report.submit);
        expectNotifications("Đã gửi báo cáo");
        assertThat(status()).isEqualTo("Đang chờ duyệt");

        approveOnScreen("lamdong.truong");
        approveOnScreen("quanly");
        approveOnScreen("lanhdao");
        assertThat(status()).isEqualTo("Đã phê duyệt");
        assertThat(trail()).hasSize(6);
        assertThat(trail())
                .satisfiesExactly(
                        t -> assertThat(t).startsWith("Lần 1, bước 1 (Lãnh đạo đơn vị): Duyệt"),
                        t -> assertThat(t).startsWith("Lần 1, bước 2 (Chuyên viên quản lý (Vụ)): Duyệt"),
                        t -> assertThat(t)
                                .startsWith("Lần 1, bước 3 (Lãnh đạo Bộ): Trả lại")
                                .endsWith(" – Bổ sung số liệu"),
                        t -> assertThat(t).startsWith("Lần 2, bước 1 (Lãnh đạo đơn vị): Duyệt"),
                        t -> assertThat(t).startsWith("Lần 2, bước 2 (Chuyên viên quản lý (Vụ)): Duyệt"),
                        t -> assertThat(t).startsWith("Lần 2, bước 3 (Lãnh đạo Bộ): Duyệt"));

        // the final report at 100 % completes the assignment on time
        as("lamdong.cv");
        openFromMyWork(TO_WRITE);
        fillReport(_get(ReportView.class), 100, "120");
        _click(_get(ReportView.class).submit);
        expectNotifications("Đã gửi báo cáo");
        approveOnScreen("lamdong.truong");
        approveOnScreen("quanly");
        approveOnScreen("lanhdao2");
        assertThat(status()).isEqualTo("Đã phê duyệt");

        as("quanly");
        navigate("assignments/" + assignmentId);
        assertThat(_get(Span.class, s -> s.withClasses("state-done-on-time")).getText())
                .isEqualTo("Hoàn thành đúng hạn");
        assertThat(_find(Button.class, b -> b.withText("Điều chỉnh / giao lại")))
                .isEmpty();
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedIndex(1);
        assertThat(column(_get(tabs, Grid.class), 3)).containsExactly("Đã phê duyệt", "Đã phê duyệt");
        tabs.setSelectedIndex(2);
        assertThat(column(_get(Grid.class, g -> g.withClasses("history")), 2))
                .contains("Giao nhiệm vụ", "Gửi báo cáo", "Trả lại báo cáo", "Phê duyệt báo cáo", "Đính kèm tệp");
        // the details name the units and the indicators, never a code or a stored map such as "{}"
        List<String> details = column(_get(Grid.class, g -> g.withClasses("history")), 3);
        details.forEach(d -> System.out.println("history: " + d));
        assertThat(details).anyMatch(d -> d.contains("Đơn vị chủ trì: Sở Nội vụ tỉnh Lâm Đồng"));
        assertThat(details).anyMatch(d -> d.matches("(?s).*Kết quả chỉ tiêu: .+ 120.*"));
        assertThat(details).noneMatch(d -> d.contains("{") || d.contains("SNV-68"));
    }

    @Test
    void openingTheShownScreenAgainFromTheMenuShowsWhatChangedMeanwhile() {
        login("lamdong.cv");
        navigate("my-work");
        HasElement first =
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(cards(TO_WRITE)).isEmpty();

        // while the officer's page stays open, a manager assigns task 3 to Lâm Đồng
        workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        navigate("my-work"); // the menu item of the page one is on: Vaadin would keep the old screen
        MockVaadin.clientRoundtrip(); // the rest of that request, until the answer is written

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotSameAs(first);
        assertThat(cards(TO_WRITE)).hasSize(1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("my-work");
    }

    @Test
    void anEmptyAssignmentListSaysWhetherNothingIsAssignedOrTheFilterFoundNothing() {
        workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        navigate("assignments");
        AssignmentsView list = _get(AssignmentsView.class);
        assertThat(_size(list.grid)).isEqualTo(1);

        _setValue(list.search, "không có đơn vị này");
        assertThat(_size(list.grid)).isZero();
        assertThat(list.grid.getEmptyStateText()).isEqualTo("Không có nhiệm vụ nào khớp với bộ lọc");

        cleaner.clean();
        _setValue(list.search, "");
        assertThat(_size(list.grid)).isZero();
        assertThat(list.grid.getEmptyStateText()).isEqualTo("Chưa có nhiệm vụ nào được giao");
    }

    @Test
    void anotherProvinceFindsNeitherTheAssignmentNorItsReport() {
        PriorityTask t3 = workflow.task(3);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        login("quanly");
        assignments.assign(workflow.draft(
                t3, Set.of(lamDong.getId(), haNoi.getId()), LocalDate.now().plusDays(30)));
        logout();
        Assignment a = lamDongAssignment(t3);
        ProgressReport r = workflow.submitReport(a, 40);
        int refusedBefore = refusals("hanoi.cv");

        as("hanoi.cv");
        navigate("assignments/" + a.getId());
        assertThat(_get(H2.class).getText()).isEqualTo("Không tìm thấy nhiệm vụ hoặc đồng chí không có quyền xem");
        assertThat(_find(TabSheet.class)).isEmpty();

        navigate("reports/" + r.getId());
        assertThat(_get(H2.class).getText()).isEqualTo("Không tìm thấy báo cáo hoặc đồng chí không có quyền xem");
        assertThat(_find(Anchor.class, s -> s.withClasses("evidence-link"))).isEmpty();
        navigate("assignments/" + a.getId() + "/report");
        assertThat(_get(H2.class).getText()).isEqualTo("Không tìm thấy báo cáo hoặc đồng chí không có quyền xem");

        navigate("assignments");
        AssignmentsView list = _get(AssignmentsView.class);
        assertThat(column(list.grid, 2)).containsExactly(haNoi.name(false));
        assertThat(refusals("hanoi.cv")).isGreaterThanOrEqualTo(refusedBefore + 3);
    }

    @Test
    void aNewReportPageOpenedAfterAColleagueStartedOneSaysWhyItCannotBeWritten() {
        PriorityTask t3 = workflow.task(3);
        OrgUnit lamDong = workflow.unit("SNV-68");
        login("quanly");
        assignments.assign(
                workflow.draft(t3, Set.of(lamDong.getId()), LocalDate.now().plusDays(30)));
        logout();
        Assignment a = lamDongAssignment(t3);

        as("lamdong.cv");
        navigate("assignments/" + a.getId() + "/report");
        assertThat(_get(ReportView.class).submit).isNotNull();
        assertThat(_find(Paragraph.class, p -> p.withId("report-cannot-start"))).isEmpty();

        // the same unit sends a report from another window; this page is opened again from the assignment
        workflow.submitReport(a, 40);
        as("lamdong.cv");
        navigate("assignments/" + a.getId() + "/report");
        assertThat(_get(Paragraph.class, p -> p.withId("report-cannot-start")).getText())
                .isEqualTo("Đơn vị đang có một báo cáo chưa được phê duyệt; hãy hoàn thiện báo cáo đó");
        assertThat(_find(Button.class, b -> b.withId("report-submit"))).isEmpty();
        assertThat(_get(ReportView.class).percent.isAttached())
                .as("no empty form")
                .isFalse();
        assertThat(_get(Anchor.class, l -> l.withText("Xem các báo cáo của nhiệm vụ"))
                        .getHref())
                .isEqualTo("assignments/" + a.getId());
    }

    @Test
    void assignDialogShowsWhatIsMissingNextToTheFieldsAndSavesNothing() {
        as("quanly");
        navigate("assignments");
        AssignDialog dialog = AssignDialogSteps.openFor(3);
        _setValue(dialog.deadline, LocalDate.now().minusDays(1));
        _setValue(dialog.expectedOutput, "Báo cáo kết quả tinh giản biên chế");
        _click(dialog.save);

        assertFieldError(dialog.leadUnits, "Chọn ít nhất một đơn vị chủ trì");
        assertFieldError(dialog.deadline, "Thời hạn không được trước ngày hôm nay");
        assertThat(dialog.task.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.save.isEnabled()).isTrue();
        expectNoNotifications();
        assertThat(jdbc.queryForObject("select count(*) from assignment", Integer.class))
                .isZero();
    }

    @Test
    void allProvincesLeavesOutTheProvincesThatAlreadyHoldTheTaskAndNamesThem() {
        workflow.assignTask3ToLamDong();
        as("quanly");
        navigate("assignments");
        AssignDialog dialog = AssignDialogSteps.openFor(3);
        _click(dialog.allProvinces);

        assertThat(dialog.leadUnits.getValue())
                .hasSize(33)
                .noneMatch(u -> u.getCode().equals("SNV-68"));
        assertThat(dialog.leadUnits.getHelperText())
                .isEqualTo("Đã bỏ qua 1 đơn vị đã được giao nhiệm vụ này: Sở Nội vụ tỉnh Lâm Đồng");
        AssignDialogSteps.deadlineAndOutput(dialog);
        AssignDialogSteps.document(dialog.document, "01/KH-BNV");
        _click(dialog.save);

        expectNotifications("Đã giao nhiệm vụ cho 33 đơn vị. Đã bỏ qua 1 đơn vị đã được giao nhiệm vụ này: "
                + "Sở Nội vụ tỉnh Lâm Đồng");
        assertThat(jdbc.queryForObject("select count(*) from assignment", Integer.class))
                .isEqualTo(34);
    }

    @Test
    void choosingUnitsThatAlreadyHoldTheTaskNamesThemNextToTheFieldAndSavesNothing() {
        workflow.assignTask3ToLamDong();
        as("quanly");
        navigate("assignments");
        AssignDialog dialog = AssignDialogSteps.openFor(3);
        AssignDialogSteps.leadUnits(dialog, "SNV-68", "SNV-01");
        AssignDialogSteps.deadlineAndOutput(dialog);
        _click(dialog.save);

        assertFieldError(
                dialog.leadUnits,
                "Nhiệm vụ này đã được giao cho: Sở Nội vụ tỉnh Lâm Đồng. Bỏ các đơn vị "
                        + "này khỏi danh sách để giao cho các đơn vị còn lại");
        assertThat(jdbc.queryForObject("select count(*) from assignment", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theAuditScreenFindsTheFirstChangedLogEntry() {
        // record numbers of a log in use have five digits or more; they must read as in the grid's # column
        jdbc.update("alter table event_log alter column id restart with 12345");
        workflow.submitReport(workflow.assignTask3ToLamDong(), 40);

        as("admin");
        navigate("admin/audit");
        Button verify = _get(Button.class, b -> b.withText("Kiểm tra chuỗi nhật ký"));
        _click(verify);
        assertThat(auditResult()).isEqualTo("Chuỗi nhật ký nguyên vẹn");

        jdbc.update("update event_log set after_value = 'sửa' where id = (select min(id) from event_log)");
        _click(verify);
        assertThat(auditResult()).isEqualTo("Chuỗi nhật ký bị thay đổi từ bản ghi số 12345");
        Grid<?> log = _get(Grid.class);
        assertThat(column(log, 0)).contains("12345");
    }

    // --- steps -------------------------------------------------------------------------------

    /** Another person at the screen: logged in, with a fresh UI (a page reload), so nothing of the last view remains. */
    private void as(String username) {
        logout();
        login(username);
        UI.getCurrent().getPage().reload();
    }

    /** Opens "my work", expects exactly one card of the kind, and clicks its "Xử lý". */
    private static void openFromMyWork(String kind) {
        navigate("my-work");
        List<Div> cards = cards(kind);
        assertThat(cards).as("my-work cards \"%s\"", kind).hasSize(1);
        assertThat(cards.get(0).getElement().getTextRecursively()).contains("Lâm Đồng");
        _click(_get(cards.get(0), Button.class, b -> b.withText("Xử lý")));
    }

    private static List<Div> cards(String kind) {
        return _find(Div.class, s -> s.withClasses("work-item")).stream()
                .filter(card -> card.getElement().getTextRecursively().startsWith(kind))
                .toList();
    }

    /** The person opens the waiting report from "my work" and approves it. */
    private void approveOnScreen(String username) {
        as(username);
        openFromMyWork(TO_APPROVE);
        _click(_get(ReportView.class).approve);
        expectNotifications("Đã duyệt");
    }

    private static void fillReport(ReportView report, int percent, String indicatorValue) {
        _setValue(report.percent, percent);
        _setValue(report.confidence, Confidence.ON_TRACK);
        _setValue(report.narrative, "Đã hoàn thành " + percent + " % khối lượng");
        assertThat(report.values).hasSize(1);
        _setValue(report.values.values().iterator().next(), new BigDecimal(indicatorValue));
    }

    /**
     * Types one indicator; the browser's custom field then fires "change", which is when
     * Vaadin reads the rows into the field's value.
     */
    private static void fillIndicator(IndicatorEditor editor, String name, String unit, String target) {
        editor.set(0, name, unit, new BigDecimal(target));
        _fireDomEvent(editor, "change");
    }

    private static String status() {
        return _get(Span.class, s -> s.withClasses("report-status")).getText();
    }

    private static String statusLine() {
        return _get(Div.class, s -> s.withClasses("status-line")).getElement().getTextRecursively();
    }

    /** The result next to the audit screen's "verify" button. */
    private static String auditResult() {
        return _find(Span.class).stream()
                .map(Span::getText)
                .filter(t -> t.startsWith("Chuỗi nhật ký"))
                .findFirst()
                .orElse("");
    }

    private static List<String> trail() {
        return _find(Paragraph.class).stream()
                .filter(p -> p.hasClassName("trail-approved") || p.hasClassName("trail-returned"))
                .map(p -> p.getElement().getTextRecursively())
                .toList();
    }

    private static Long reportIdInAddress() {
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("reports/");
        return Long.valueOf(path.substring("reports/".length()));
    }

    private static List<String> column(Grid<?> grid, int column) {
        return IntStream.range(0, _size(grid))
                .mapToObj(row -> _getFormattedRow(grid, row).get(column))
                .toList();
    }

    private Assignment lamDongAssignment(PriorityTask t3) {
        login("quanly");
        Assignment a = assignments
                .find(assignments
                        .list(2024, t3.getId(), "lam dong", 0, 10)
                        .get(0)
                        .getId())
                .orElseThrow();
        logout();
        return a;
    }

    private int refusals(String username) {
        return jdbc.queryForObject(
                "select count(*) from event_log where action = 'ACCESS_REFUSED' and actor = ?",
                Integer.class,
                username);
    }

    private String storedStatus(Long reportId) {
        return jdbc.queryForObject("select status from progress_report where id = ?", String.class, reportId);
    }
}
