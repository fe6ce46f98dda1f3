package vn.gov.moha.portal.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A calendar year as an Excel workbook: the first sheet in the columns of the CSV file (date, kind, name,
 * note), a header row optional, rows whose first cell starts with {@code #} skipped. A date may be a date cell
 * or text dd/MM/yyyy. The rows go through the same checks as the CSV file's lines.
 */
final class CalendarSheet {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CalendarSheet() {}

    /** An .xlsx file is a zip archive: it starts with "PK". */
    static boolean isXlsx(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static List<CalendarFile.Cells> rows(byte[] content) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw CalendarFile.refused(0, "calendar.file.noDays");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<CalendarFile.Cells> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.isEmpty() || cells.get(0).startsWith("#")) {
                    continue;
                }
                while (cells.size() < 3) {
                    cells.add("");
                }
                rows.add(new CalendarFile.Cells(row.getRowNum() + 1, List.copyOf(cells)));
            }
            return rows;
        } catch (CalendarFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw CalendarFile.refused(0, "calendar.file.notXlsx");
        }
    }

    private static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DATE);
        }
        return formatter.formatCellValue(cell).strip();
    }
}
