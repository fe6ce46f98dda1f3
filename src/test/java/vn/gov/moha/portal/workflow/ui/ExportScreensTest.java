package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.AssignmentExports;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingFixture;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;

/**
 * The "Xuất Excel" buttons of Nhiệm vụ, Việc cần xử lý and Báo cáo định kỳ: each file, read back with
 * POI, holds the rows the grid shows for the filter on screen, with Vietnamese headers, real date
 * and number cells, and a sheet naming the filters; an empty selection gives the header row only.
 */
@PortalTest
class ExportScreensTest extends KaribuTest {

    @Autowired
    ReportingPeriods periods;

    @Autowired
    ReportingFixture dataset;

    long a;
    long b;
    long c;
    long d;
    long e;
    long f;
    long g;

    /** The reporting dataset ({@link ReportingFixture#load()}), fresh for each test. */
    @BeforeEach
    void loadDataset() {
        ReportingFixture.Ids ids = dataset.load();
        a = ids.a();
        b = ids.b();
        c = ids.c();
        d = ids.d();
        e = ids.e();
        f = ids.f();
        g = ids.g();
    }

    @Autowired
    AssignmentExports exports;

    static Download export(ExportButton button) throws Exception {
        return Workbooks.click(button);
    }

    @Test
    void theAssignmentListExportsTheRowsOfTheFilterOnScreen() throws Exception {
        login("lanhdao");
        navigate("assignments");
        AssignmentsView view = _get(AssignmentsView.class);
        _setValue(view.year, 2024);
        int onScreen = _size(view.grid);
        Download all = export(view.export);
        assertThat(all.fileName()).isEqualTo("nhiem-vu-" + LocalDate.now() + ".xlsx");
        try (XSSFWorkbook book = Workbooks.open(all)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Theo dõi nhiệm vụ");
            assertThat(Workbooks.header(sheet))
                    .containsExactly(
                            "STT",
                            "Nhiệm vụ",
                            "Đơn vị chủ trì",
                            "Mã đơn vị",
                            "Thời hạn hoàn thành",
                            "Kỳ báo cáo",
                            "Tiến độ (%)",
                            "Tình trạng",
                            "Ngày hoàn thành",
                            "Lãnh đạo phụ trách",
                            "Số, ký hiệu văn bản giao",
                            "Ngày ban hành văn bản");
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(onScreen).isEqualTo(8);
            for (int i = 0; i < onScreen; i++) {
                Assignment a = GridKt._get(view.grid, i);
                Row row = sheet.getRow(i + 1);
                Workbooks.assertNumberCell(row.getCell(0));
                assertThat((int) row.getCell(0).getNumericCellValue())
                        .isEqualTo(a.getTask().getNumber());
                assertThat(row.getCell(2).getStringCellValue())
                        .isEqualTo(a.getLeadUnit().getNameVi());
                if (a.getDeadline() != null) {
                    Workbooks.assertDateCell(row.getCell(4));
                    assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate())
                            .isEqualTo(a.getDeadline());
                    assertThat(row.getCell(4).getCellStyle().getDataFormatString())
                            .isEqualTo("dd/mm/yyyy");
                } else {
                    assertThat(row.getCell(5).getStringCellValue()).isIn("Hằng quý", "Hằng tháng");
                }
                Workbooks.assertNumberCell(row.getCell(6));
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(a.getPercentComplete() / 100.0);
                assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0%");
            }
        }

        // task 2 and "can tho": Cần Thơ's ongoing assignment, its last report approved on 10/04/2024
        _setValue(
                view.task,
                view.task
                        .getListDataView()
                        .getItems()
                        .filter(t -> t.getNumber() == 2)
                        .findFirst()
                        .orElseThrow());
        _setValue(view.search, "can tho");
        assertThat(_size(view.grid)).isEqualTo(1);
        try (XSSFWorkbook book = Workbooks.open(export(view.export))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(1);
            List<String> row = Workbooks.row(sheet, 1);
            System.out.println("Assignment export, task 2 + 'can tho': " + row);
            assertThat(row.get(2)).isEqualTo("Sở Nội vụ thành phố Cần Thơ");
            assertThat(row.get(6)).isEqualTo("100%");
            // an ongoing (thường xuyên) assignment is its own group, finished or not (issue 17 point 3)
            assertThat(row.get(7)).isEqualTo("Thường xuyên (không có thời hạn)");
            Cell done = sheet.getRow(1).getCell(8);
            Workbooks.assertDateCell(done);
            assertThat(done.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 10));
            assertThat(row.get(8)).isEqualTo("10/04/2024");
            var about = Workbooks.about(book);
            System.out.println("About sheet: " + about);
            assertThat(book.getSheetName(1)).isEqualTo("Thông tin xuất");
            assertThat(about)
                    .containsEntry("Năm", "2024")
                    .containsEntry("Tìm đơn vị, số ký hiệu văn bản", "can tho")
                    .containsEntry("Số dòng", "1")
                    .containsKey("Thời điểm xuất");
            assertThat(about.get("Người xuất")).endsWith("(lanhdao)");
            assertThat(about.get("Nhiệm vụ")).startsWith("2. ");
            Cell at = book.getSheetAt(1).getRow(2).getCell(1);
            Workbooks.assertDateCell(at);
            assertThat(at.getLocalDateTimeCellValue())
                    .isBetween(
                            LocalDateTime.now().minusMinutes(5),
                            LocalDateTime.now().plusMinutes(1));
        }

        // nothing matches: the file has its header row and no data, not an error
        _setValue(view.search, "không có đơn vị này");
        assertThat(_size(view.grid)).isZero();
        Download empty = export(view.export);
        assertThat(empty.rows()).isZero();
        try (XSSFWorkbook book = Workbooks.open(empty)) {
            assertThat(Workbooks.header(book.getSheetAt(0))).hasSize(12);
            assertThat(Workbooks.dataRows(book.getSheetAt(0))).isZero();
        }
        assertThat(view.export.status.getText()).isEqualTo("Xong: 0 dòng");
    }

    @Test
    void headersFollowTheUsersLanguage() throws Exception {
        login("lanhdao");
        useLocale(Translations.ENGLISH);
        navigate("assignments");
        AssignmentsView view = _get(AssignmentsView.class);
        _setValue(view.year, 2024);
        try (XSSFWorkbook book = Workbooks.open(export(view.export))) {
            List<String> header = Workbooks.header(book.getSheetAt(0));
            System.out.println("English headers: " + header);
            assertThat(header).contains("Lead unit", "Completion deadline", "Progress (%)", "Unit code");
            assertThat(book.getSheetName(1)).isEqualTo("About this export");
        }
    }

    @Test
    void myWorkExportsTheCardsOfTheScreen() throws Exception {
        login("lamdong.cv");
        navigate("my-work");
        MyWorkView view = _get(MyWorkView.class);
        long cards = view.items.getChildren().count();
        try (XSSFWorkbook book = Workbooks.open(export(view.export))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet))
                    .containsExactly(
                            "Loại việc",
                            "STT",
                            "Nhiệm vụ / yêu cầu báo cáo",
                            "Đơn vị chủ trì",
                            "Mã đơn vị",
                            "Thời hạn hoàn thành / hạn gửi",
                            "Tiến độ (%)",
                            "Tình trạng");
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(cards).isPositive();
            List<String> kinds = new ArrayList<>();
            for (int r = 1; r <= cards; r++) {
                kinds.add(Workbooks.row(sheet, r).get(0) + " / "
                        + Workbooks.row(sheet, r).get(4));
                assertThat(Workbooks.row(sheet, r).get(4)).isEqualTo("SNV-68");
            }
            System.out.println("My work of lamdong.cv: " + cards + " cards, file rows " + kinds);
        }
    }

    @Test
    void periodicReportingExportsTheRowsOfTheFilter() throws Exception {
        login("quanly");
        navigate("reporting");
        ReportingView view = _get(ReportingView.class);
        _setValue(view.year, 2024);
        _setValue(view.kind, ReportingPeriod.QUARTERLY);
        _setValue(view.period, periods.byKey("2024-Q2").orElseThrow());
        assertThat(_size(view.grid)).isEqualTo(6);
        try (XSSFWorkbook book = Workbooks.open(export(view.export))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet))
                    .containsExactly(
                            "Kỳ báo cáo",
                            "Số liệu từ ngày",
                            "Số liệu đến ngày",
                            "Hạn gửi",
                            "STT",
                            "Nhiệm vụ",
                            "Đơn vị",
                            "Mã đơn vị",
                            "Tình trạng",
                            "Gửi lần đầu");
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(6);
            for (int i = 0; i < 6; i++) {
                ReportingRow r = GridKt._get(view.grid, i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Quý II/2024");
                Workbooks.assertDateCell(row.getCell(3));
                assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.of(2024, 6, 20));
                assertThat(row.getCell(1).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.of(2024, 3, 15));
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(r.unitNameVi());
                assertThat(row.getCell(8).getStringCellValue())
                        .isEqualTo(new Translations()
                                .getTranslation(r.status().translationKey(), Translations.VIETNAMESE));
                if (r.submittedAt() != null) {
                    Workbooks.assertDateCell(row.getCell(9));
                    assertThat(row.getCell(9).getLocalDateTimeCellValue()).isEqualTo(r.submittedAt());
                } else {
                    assertThat(row.getCell(9)).isNull();
                }
            }
            assertThat(Workbooks.about(book))
                    .containsEntry("Kỳ báo cáo", "Quý II/2024")
                    .containsEntry("Tình trạng", "Mọi tình trạng");
        }
        _setValue(view.status, PeriodStatus.MISSING);
        try (XSSFWorkbook book = Workbooks.open(export(view.export))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(_size(view.grid)).isEqualTo(2);
            assertThat(List.of(
                            Workbooks.row(sheet, 1).get(8),
                            Workbooks.row(sheet, 2).get(8)))
                    .containsOnly("Chưa báo cáo");
            assertThat(Workbooks.about(book)).containsEntry("Tình trạng", "Chưa báo cáo");
        }
    }

    /** The hostile corpus as the unit search of an export: a file or a message, never a server error. */
    @Test
    void hostileSearchTextGivesAFileNeverAServerError() throws Exception {
        login("lanhdao");
        int files = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (String payload : HostileInputTest.corpus()) {
            try {
                Download file = exports.assignments(2024, null, payload, Translations.VIETNAMESE, null);
                try (XSSFWorkbook book = Workbooks.open(file)) {
                    assertThat(Workbooks.dataRows(book.getSheetAt(0))).isEqualTo((int) file.rows());
                }
                files++;
            } catch (InvalidInputException e) {
                refused++;
            } catch (RuntimeException e) {
                failures.add(e.getClass().getSimpleName() + " for " + payload.length() + " chars");
            }
        }
        System.out.printf(
                "Hostile unit searches through the assignment export: %d files, %d refused, %d server " + "errors%n",
                files, refused, failures.size());
        assertThat(failures).isEmpty();
    }
}
