package vn.gov.moha.portal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.dashboard.DashboardExports;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.UnitColumn;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * The dashboard's task x unit matrix as on the screen: tasks down, units across under their group, each cell
 * the percent complete (a number) coloured by its state; a second sheet lists every cell with
 * its state in words, for filtering and for readers who do not see colour.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MatrixExporter implements DashboardExports {

    private final DashboardService dashboard;
    private final PagedSheet sheet;

    MatrixExporter(DashboardService dashboard, PagedSheet sheet) {
        this.dashboard = dashboard;
        this.sheet = sheet;
    }

    @Override
    public Download matrix(
            DashboardFilter filter, boolean onlyUnitsWithCells, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        Matrix m = dashboard.matrix(filter, onlyUnitsWithCells);
        List<UnitColumn> columns = ordered(m.columns());
        Download.Progress.orNone(progress).rows(0, m.rows().size());
        List<Object[]> filters = new ArrayList<>();
        filters.add(x.line("export.scope", sheet.scope(x)));
        for (String[] d : sheet.describe(x, filter)) {
            filters.add(new Object[] {d[0], d[1]});
        }
        filters.add(x.line("dashboard.filter.onlyWithWork", x.t(onlyUnitsWithCells ? "export.yes" : "export.no")));
        return sheet.workbook(x, "dashboard.matrix", "ma-tran-nhiem-vu", filters, xlsx -> {
            matrixSheet(xlsx, x, m, columns);
            long cells = cellsSheet(xlsx, x, m, columns);
            Download.Progress.orNone(progress).rows(m.rows().size(), m.rows().size());
            return cells;
        });
    }

    private static void matrixSheet(Xlsx xlsx, Texts x, Matrix m, List<UnitColumn> columns) {
        Sheet sheet = xlsx.sheet(x.t("export.sheet.matrix"));
        Row groups = sheet.createRow(0);
        Row names = sheet.createRow(1);
        names.setHeightInPoints(110);
        header(groups, 0, x.t("task.number"), xlsx.header());
        header(groups, 1, x.t("dashboard.matrix.task"), xlsx.header());
        header(names, 0, "", xlsx.header());
        header(names, 1, "", xlsx.header());
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 50 * 256);
        CellStyle vertical = xlsx.sheetHeaderVertical();
        int departments = (int)
                columns.stream().filter(c -> c.kind() != UnitKind.PROVINCE).count();
        for (int i = 0; i < columns.size(); i++) {
            UnitColumn c = columns.get(i);
            header(
                    groups,
                    2 + i,
                    x.t(i < departments ? "dashboard.matrix.departments" : "dashboard.matrix.provinces"),
                    xlsx.header());
            header(names, 2 + i, shortName(c.name(x.english())), vertical);
            sheet.setColumnWidth(2 + i, 6 * 256);
        }
        if (departments > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 1 + departments));
        }
        if (columns.size() - departments > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2 + departments, 1 + columns.size()));
        }
        int r = 2;
        for (TaskRow row : m.rows()) {
            Row line = sheet.createRow(r++);
            xlsx.put(line, 0, Xlsx.Type.INTEGER, row.number());
            Cell title = line.createCell(1);
            title.setCellValue(row.title(x.english()));
            title.setCellStyle(xlsx.wrap());
            for (int i = 0; i < columns.size(); i++) {
                int col = 2 + i;
                m.cell(row.id(), columns.get(i).id()).ifPresent(cell -> {
                    Cell c = line.createCell(col);
                    c.setCellValue(cell.percent() / 100.0);
                    c.setCellStyle(xlsx.state(cell.worst()));
                });
            }
        }
        sheet.createFreezePane(2, 2);
        r++;
        for (DeadlineState s : DeadlineState.values()) {
            Row legend = sheet.createRow(r++);
            Cell swatch = legend.createCell(0);
            swatch.setCellStyle(xlsx.state(s));
            legend.createCell(1).setCellValue(x.t(s.translationKey()));
        }
        sheet.createRow(r).createCell(1).setCellValue(x.t("export.matrix.note"));
    }

    /** Every cell of the matrix as a row, with its state in words; returns the rows written. */
    private static long cellsSheet(Xlsx xlsx, Texts x, Matrix m, List<UnitColumn> columns) {
        Xlsx.Table cells = xlsx.table(
                x.t("export.sheet.cells"),
                List.of(
                        x.col("task.number", Xlsx.Type.INTEGER, 6), x.col("assignment.task", Xlsx.Type.TEXT, 55),
                        x.col("export.unitCode", Xlsx.Type.TEXT, 11), x.col("reporting.unit", Xlsx.Type.TEXT, 40),
                        x.col("unit.kind", Xlsx.Type.TEXT, 18), x.col("assignment.state", Xlsx.Type.TEXT, 28),
                        x.col("export.percent", Xlsx.Type.PERCENT, 10), x.col("export.count", Xlsx.Type.INTEGER, 10)));
        for (TaskRow row : m.rows()) {
            for (UnitColumn c : columns) {
                m.cell(row.id(), c.id())
                        .ifPresent(cell -> cells.add(
                                row.number(),
                                row.title(x.english()),
                                c.code(),
                                c.name(x.english()),
                                x.t(
                                        c.kind() == UnitKind.PROVINCE
                                                ? "dashboard.matrix.provinces"
                                                : "dashboard.matrix.departments"),
                                x.t(cell.worst().translationKey()),
                                cell.percent(),
                                cell.count()));
            }
        }
        cells.finish();
        return cells.rows();
    }

    private static void header(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** Departments first, then provinces, as on the screen. */
    static List<UnitColumn> ordered(List<UnitColumn> columns) {
        List<UnitColumn> list = new ArrayList<>(
                columns.stream().filter(c -> c.kind() != UnitKind.PROVINCE).toList());
        list.addAll(columns.stream().filter(c -> c.kind() == UnitKind.PROVINCE).toList());
        return list;
    }

    /** "Sở Nội vụ tỉnh Lâm Đồng" is "Lâm Đồng" in a column header, as on the screen. */
    static String shortName(String name) {
        return name.replaceFirst("^Sở Nội vụ (tỉnh|thành phố) ", "")
                .replaceFirst("^Vụ ", "")
                .replaceFirst(" (City )?Department of Home Affairs$", "")
                .replaceFirst("^Department of ", "");
    }
}
