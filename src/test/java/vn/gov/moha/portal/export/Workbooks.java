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
import vn.gov.moha.portal.ui.ExportButton;

/** Reads exported workbooks back with POI, for the export tests of every screen. */
public final class Workbooks {

    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    private Workbooks() {}

    /**
     * Clicks an export button as a person would, waits for the background job, lets the screen poll and
     * returns the file it offers; checks the button waits, the progress bar shows and the link serves the file.
     */
    public static Download click(ExportButton button) throws Exception {
        com.github.mvysny.kaributesting.v10.LocatorJ._click(button.button);
        assertThat(button.button.isEnabled())
                .as("the button waits while the file is made")
                .isFalse();
        assertThat(button.progress.isVisible()).as("the progress bar shows").isTrue();
        Download file = button.running.get(2, java.util.concurrent.TimeUnit.MINUTES);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        assertThat(button.progress.isVisible()).isFalse();
        assertThat(button.button.isEnabled()).isTrue();
        assertThat(button.link.isVisible()).as("the download link").isTrue();
        assertThat(button.link.getHref()).as("the link serves the file").isNotBlank();
        assertThat(button.link.getElement().getAttribute("download")).isEqualTo(file.fileName());
        assertThat(button.lastFile).isSameAs(file);
        if (file.mimeType().equals(Download.XLSX)) {
            keep(file);
        }
        return file;
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
        assertThat(sheet.getPaneInformation())
                .as("frozen panes of %s", sheet.getSheetName())
                .isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                .as("rows frozen")
                .isEqualTo((short) 1);
        Row head = sheet.getRow(0);
        for (Cell c : head) {
            assertThat(sheet.getWorkbook()
                            .getFontAt(c.getCellStyle().getFontIndex())
                            .getBold())
                    .as("header %s is bold", c.getStringCellValue())
                    .isTrue();
        }
        return row(sheet, 0);
    }

    /** Data rows below the header. */
    public static int dataRows(Sheet sheet) {
        return sheet.getLastRowNum();
    }

    public static void assertDateCell(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell))
                .as("cell %s is formatted as a date", cell.getAddress())
                .isTrue();
    }

    public static void assertNumberCell(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell))
                .as("cell %s is not a date", cell.getAddress())
                .isFalse();
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
