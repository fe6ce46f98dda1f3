package vn.gov.moha.portal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.moha.portal.common.Download;

/** Reads exported workbooks back with POI, for the export tests of every screen. */
public final class Workbooks {

    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    private Workbooks() {
    }

    public static XSSFWorkbook open(Download file) {
        assertThat(file.mimeType()).isEqualTo(Download.XLSX);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the file in target/exports for a person to open. */
    public static void keep(Download file) {
        try {
            Path dir = Path.of("target", "exports");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file.fileName()), file.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> row(Sheet sheet, int index) {
        List<String> values = new ArrayList<>();
        Row row = sheet.getRow(index);
        if (row == null) {
            return values;
        }
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            values.add(c == null ? "" : FORMAT.formatCellValue(c));
        }
        return values;
    }

    /** The header row: bold, and frozen above the data. */
    public static List<String> header(Sheet sheet) {
        assertThat(sheet.getPaneInformation()).as("frozen panes of %s", sheet.getSheetName()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("rows frozen").isEqualTo((short) 1);
        Row head = sheet.getRow(0);
        for (Cell c : head) {
            assertThat(sheet.getWorkbook().getFontAt(c.getCellStyle().getFontIndex()).getBold())
                    .as("header %s is bold", c.getStringCellValue()).isTrue();
        }
        return row(sheet, 0);
    }

    /** Data rows below the header. */
    public static int dataRows(Sheet sheet) {
        return sheet.getLastRowNum();
    }

    public static void assertDateCell(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as("cell %s is formatted as a date", cell.getAddress()).isTrue();
    }

    public static void assertNumberCell(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as("cell %s is not a date", cell.getAddress()).isFalse();
    }

    /** The "about" sheet as label -> value lines. */
    public static java.util.Map<String, String> about(XSSFWorkbook book) {
        Sheet sheet = book.getSheetAt(book.getNumberOfSheets() - 1);
        java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            List<String> line = row(sheet, r);
            if (line.size() >= 2) {
                lines.put(line.get(0), line.get(1));
            }
        }
        return lines;
    }
}
