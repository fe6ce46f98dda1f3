package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocDraft;
import vn.gov.moha.portal.workflow.adhoc.AdhocFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocKind;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews;

/**
 * What came after the first ad hoc screens: changing a request's due date and units, the paged list, the ad hoc
 * items in the Excel export of "Việc cần xử lý", and the single-file upload's wording.
 */
@PortalTest
class AdhocChangeScreensTest extends KaribuTest {

    @Autowired
    AdhocFixture fixture;

    @Autowired
    AdhocService adhoc;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theManagerChangesTheDueDateAndUnitsInTheDialogWithTheMessagesNextToTheFields() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        fixture.draftAndSend("lamdong.cv", "lamdong.truong", r);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit daNang = workflow.unit("SNV-48");
        OrgUnit haNoi = workflow.unit("SNV-01");

        login("quanly");
        navigate("adhoc/" + r.getId());
        AdhocRequestView view = _get(AdhocRequestView.class);
        _click(view.change);
        AdhocChangeDialog dialog = _get(AdhocChangeDialog.class);
        assertThat(dialog.due.getValue()).isEqualTo(r.getDueDate());
        assertThat(dialog.units.getValue()).extracting(OrgUnit::getCode).containsExactlyInAnyOrder("SNV-01", "SNV-68");

        // Lâm Đồng has sent: it cannot be removed; a Sunday is refused as when asking; a reason is required
        LocalDate sunday = LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        _setValue(dialog.units, Set.of(haNoi, daNang));
        _setValue(dialog.due, sunday);
        _click(dialog.save);
        assertFieldError(dialog.units, "Không thể bỏ " + lamDong.getNameVi() + ": đơn vị đã gửi báo cáo");
        assertFieldError(
                dialog.due,
                "Hạn gửi trùng ngày nghỉ; đề nghị chọn ngày làm việc (gần nhất: "
                        + Formats.date(workingDays.nextWorkingDay(sunday)) + ")");
        assertFieldError(dialog.reason, "Vui lòng nhập thông tin này");
        assertThat(jdbc.queryForObject("select count(*) from adhoc_answer where request_id = ?", Long.class, r.getId()))
                .isEqualTo(2);

        // Hà Nội (not sent) removed, Đà Nẵng added, a later working day
        LocalDate later = fixture.workingDayIn(20);
        _setValue(dialog.units, Set.of(lamDong, daNang));
        _setValue(dialog.due, later);
        _setValue(dialog.reason, "Hà Nội đã báo cáo qua văn bản riêng; bổ sung Đà Nẵng");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        view = _get(AdhocRequestView.class);
        assertThat(view.answers
                        .getGenericDataView()
                        .getItems()
                        .map(a -> a.getUnit().getCode()))
                .containsExactly("SNV-48", "SNV-68");
        assertThat(_find(view, Div.class, d -> d.withClasses("fact")))
                .anyMatch(d -> d.getElement().getTextRecursively().contains(Formats.date(later)));

        // the unit's staff see no such button
        newSession();
        login("lamdong.cv");
        navigate("adhoc/" + r.getId());
        assertThat(_get(AdhocRequestView.class).change.isAttached()).isFalse();
    }

    @Test
    void theListIsReadPageByPageWithItsCount() {
        Set<Long> lamDong = Set.of(workflow.unit("SNV-68").getId());
        LocalDate first = fixture.workingDayIn(5);
        fixture.as("quanly", () -> {
            for (int i = 0; i < 57; i++) {
                adhoc.create(new AdhocDraft(
                        AdhocKind.AD_HOC,
                        "Báo cáo đột xuất số " + (i + 1),
                        "Số liệu tuần.",
                        workingDays.addWorkingDays(first, i),
                        lamDong,
                        null,
                        null));
            }
            return null;
        });

        login("quanly");
        navigate("adhoc");
        AdhocView view = _get(AdhocView.class);
        assertThat(view.grid.getDataProvider().isInMemory())
                .as("a lazy data provider")
                .isFalse();
        assertThat(view.count.getText()).isEqualTo("57 mục");
        assertThat(_size(view.grid)).isEqualTo(57);
        // the latest due first; the last row comes from the second page (the grid reads 50 at a time)
        assertThat(_get(view.grid, 0).request().getTitle()).isEqualTo("Báo cáo đột xuất số 57");
        assertThat(_get(view.grid, 56).request().getTitle()).isEqualTo("Báo cáo đột xuất số 1");
        assertThat(_get(view.grid, 56).counts().get(vn.gov.moha.portal.workflow.adhoc.AdhocState.NOT_SENT))
                .isEqualTo(1);
        List<AdhocViews.Summary> secondPage = fixture.as("quanly", () -> adhoc.summaries(50, 50));
        assertThat(secondPage).hasSize(7);

        newSession();
        login("lamdong.cv");
        navigate("adhoc");
        assertThat(_size(_get(AdhocView.class).grid)).isEqualTo(57);
        AdhocViews.Summary own = _get(_get(AdhocView.class).grid, 56);
        assertThat(own.mine()).as("the unit's own answer on the second page").isNotNull();
        newSession();
        login("danang.cv");
        navigate("adhoc");
        assertThat(_get(AdhocView.class).count.getText()).isEqualTo("0 mục");
    }

    @Test
    void theExportOfMyWorkHoldsTheScreensItemsInItsOrderWithTheAdhocOnesAndNoOtherUnits() throws Exception {
        workflow.assignTask3ToLamDong();
        AdhocRequest asked = fixture.askLamDongAndHaNoi();
        Set<Long> haNoi = Set.of(workflow.unit("SNV-01").getId());
        AdhocRequest haNoiOnly = fixture.as(
                "quanly",
                () -> adhoc.create(fixture.draft("Báo cáo riêng của Hà Nội", fixture.workingDayIn(8), haNoi)));
        String task3 = workflow.task(3).title(false);
        String lamDong = workflow.unit("SNV-68").getNameVi();

        login("lamdong.cv");
        navigate("my-work");
        MyWorkView view = _get(MyWorkView.class);
        List<String> screen = new ArrayList<>();
        for (Div card : _find(view.items, Div.class, d -> d.withClasses("work-item"))) {
            screen.add(_get(card, Span.class, s -> s.withClasses("eyebrow")).getText() + " | "
                    + _get(card, Span.class, s -> s.withClasses("task-title")).getText());
        }
        assertThat(screen)
                .as("an assignment's item, then the ad hoc one")
                .containsExactly(
                        "Nhiệm vụ cần báo cáo tiến độ | 3. " + task3,
                        "Báo cáo đột xuất, chuyên đề cần soạn | " + asked.getTitle());

        Download file = Workbooks.click(view.export);
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            List<String> rows = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                List<String> row = Workbooks.row(sheet, i);
                rows.add(row.get(0) + " | " + (row.get(1).isEmpty() ? "" : row.get(1) + ". ") + row.get(2));
            }
            assertThat(rows)
                    .as("the screen's items, in its order, with its words")
                    .isEqualTo(screen);
            List<String> adhocRow = Workbooks.row(sheet, 2);
            assertThat(adhocRow.subList(3, 5)).containsExactly(lamDong, "SNV-68");
            Workbooks.assertDateCell(sheet.getRow(2).getCell(5));
            assertThat(sheet.getRow(2).getCell(5).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(asked.getDueDate());
            assertThat(adhocRow.get(7)).isEqualTo("Chưa gửi");
            assertThat(Workbooks.header(sheet).get(5)).isEqualTo("Thời hạn hoàn thành / hạn gửi");
            assertThat(String.join(" ", rows)).doesNotContain(haNoiOnly.getTitle());
        }
        // Hà Nội's officer has both requests in the file, and not Lâm Đồng's assignment
        newSession();
        login("hanoi.cv");
        navigate("my-work");
        try (XSSFWorkbook book = Workbooks.open(Workbooks.click(_get(MyWorkView.class).export))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> titles = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                titles.add(Workbooks.row(sheet, i).get(2));
            }
            assertThat(titles).as("the earliest due first").containsExactly(haNoiOnly.getTitle(), asked.getTitle());
        }
    }

    @Test
    void aSingleFileUploadSaysFileAndAManyFilesUploadSaysFiles() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        useLocale(Translations.ENGLISH);
        login("quanly");
        navigate("adhoc");
        _click(_get(AdhocView.class).create);
        AdhocDialog dialog = _get(AdhocDialog.class);
        assertThat(dialog.template.getMaxFiles()).isEqualTo(1);
        assertThat(dialog.template.getI18n().getAddFiles().getOne()).isEqualTo("Choose file...");
        assertThat(dialog.template.getI18n().getDropFiles().getOne()).isEqualTo("Or drop the file here");

        newSession();
        useLocale(Translations.ENGLISH);
        login("lamdong.cv");
        navigate("adhoc/" + r.getId());
        AdhocRequestView view = _get(AdhocRequestView.class);
        assertThat(view.upload.getI18n().getAddFiles().getMany()).isEqualTo("Choose files...");
        assertThat(view.upload.getMaxFiles()).as("answers take several files").isNotEqualTo(1);
    }
}
