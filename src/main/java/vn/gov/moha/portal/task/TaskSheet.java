package vn.gov.moha.portal.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The workbook of a programme year's list, as the appendix of the ministry's decision lays it out: the
 * first sheet, a header in row 1, then one task a row in the columns of {@link Col}; blank rows are skipped.
 * Cells are read as the user sees them: a date cell as dd/MM/yyyy, a number without ".0".
 */
final class TaskSheet {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 99;

    /** The columns in order; the key names the column's header in both languages. */
    enum Col {
        NUMBER,
        TITLE,
        DESCRIPTION,
        LEAD_UNIT,
        LEADER,
        DEADLINE,
        TITLE_EN;

        String letter() {
            return String.valueOf((char) ('A' + ordinal()));
        }

        String key() {
            return "task.import.col." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row as typed: its line number in the sheet and the text of each column (blank as ""). */
    record Line(int line, List<String> cells) {
        String get(Col c) {
            return c.ordinal() < cells.size() ? cells.get(c.ordinal()) : "";
        }
    }

    /** The whole file cannot be read; the key says why. */
    static final class Unreadable extends RuntimeException {
        final String key;

        Unreadable(String key) {
            super(key);
            this.key = key;
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private TaskSheet() {}

    static List<Line> read(byte @Nullable [] content) {
        if (content == null || content.length == 0) {
            throw new Unreadable("task.import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Unreadable("task.import.error.tooLarge");
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new Unreadable("task.import.error.notXlsx");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new Unreadable("task.import.error.noRows");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue; // the header
                }
                List<String> cells = new ArrayList<>();
                for (Col c : Col.values()) {
                    cells.add(text(row.getCell(c.ordinal()), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (lines.size() == MAX_ROWS) {
                    throw new Unreadable("task.import.error.tooManyRows");
                }
                lines.add(new Line(row.getRowNum() + 1, List.copyOf(cells)));
            }
            if (lines.isEmpty()) {
                throw new Unreadable("task.import.error.noRows");
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable("task.import.error.notXlsx");
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
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** The template: the header row in the reader's language and one example row. */
    static byte[] template(Function<String, String> translate) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(translate.apply("task.import.sheet"));
            var bold = book.createFont();
            bold.setBold(true);
            var header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            Row head = sheet.createRow(0);
            for (Col c : Col.values()) {
                Cell cell = head.createCell(c.ordinal());
                cell.setCellValue(translate.apply(c.key()));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c.ordinal(), (c == Col.TITLE || c == Col.DESCRIPTION ? 50 : 24) * 256);
            }
            Row example = sheet.createRow(1);
            example.createCell(Col.NUMBER.ordinal()).setCellValue(1);
            example.createCell(Col.TITLE.ordinal()).setCellValue(translate.apply("task.import.example.title"));
            example.createCell(Col.DESCRIPTION.ordinal())
                    .setCellValue(translate.apply("task.import.example.description"));
            example.createCell(Col.LEAD_UNIT.ordinal()).setCellValue("V-PC");
            example.createCell(Col.DEADLINE.ordinal()).setCellValue(translate.apply("task.import.example.deadline"));
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
