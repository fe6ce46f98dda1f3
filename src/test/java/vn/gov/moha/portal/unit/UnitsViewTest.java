package vn.gov.moha.portal.unit;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.export.Workbooks;

/** Units are found by name typed without diacritics. */
@PortalTest
class UnitsViewTest extends KaribuTest {

    @Test
    void searchWithoutDiacriticsFindsLamDong() {
        login("lamdong.cv");
        navigate("units");

        _setValue(
                _get(TextField.class, s -> s.withPlaceholder("Tìm theo mã hoặc tên đơn vị (có dấu hoặc không dấu)")),
                "lam dong");

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).startsWith("SNV-68", "Sở Nội vụ tỉnh Lâm Đồng");
        assertThat(_get(Span.class, s -> s.withClasses("count")).getText()).isEqualTo("1 mục");
    }

    /** "Xuất Excel" writes the grid's rows for the search and kind on screen; nothing found gives headers only. */
    @Test
    void excelHoldsTheRowsOfTheSearchOnScreen() throws Exception {
        login("lamdong.cv");
        navigate("units");
        UnitsView view = _get(UnitsView.class);
        _setValue(
                _get(TextField.class, s -> s.withPlaceholder("Tìm theo mã hoặc tên đơn vị (có dấu hoặc không dấu)")),
                "ha");
        Grid<?> grid = _get(Grid.class);
        int onScreen = _size(grid);
        Download file = Workbooks.click(view.export);
        assertThat(file.fileName()).isEqualTo("don-vi-" + LocalDate.now() + ".xlsx");
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet))
                    .containsExactly(
                            "Mã",
                            "Tên đơn vị",
                            "Loại đơn vị",
                            "Hiệu lực từ ngày",
                            "Hiệu lực đến ngày",
                            "Đơn vị kế thừa");
            assertThat(Workbooks.dataRows(sheet)).isEqualTo(onScreen).isGreaterThan(1);
            for (int i = 0; i < onScreen; i++) {
                String[] shown = _getFormattedRow(grid, i).toArray(String[]::new);
                assertThat(Workbooks.row(sheet, i + 1).subList(0, 2)).containsExactly(shown[0], shown[1]);
                Workbooks.assertDateCell(sheet.getRow(i + 1).getCell(3));
            }
            assertThat(Workbooks.about(book)).containsEntry("Tìm đơn vị", "ha");
        }

        _setValue(
                _get(TextField.class, s -> s.withPlaceholder("Tìm theo mã hoặc tên đơn vị (có dấu hoặc không dấu)")),
                "không có đơn vị này");
        assertThat(_size(grid)).isZero();
        try (XSSFWorkbook book = Workbooks.open(Workbooks.click(view.export))) {
            assertThat(Workbooks.header(book.getSheetAt(0))).hasSize(6);
            assertThat(Workbooks.dataRows(book.getSheetAt(0))).isZero();
        }
    }
}
