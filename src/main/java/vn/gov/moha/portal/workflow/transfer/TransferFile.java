package vn.gov.moha.portal.workflow.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A transfer file as rows of text: CSV (UTF-8, comma) or XLSX (first sheet). Lines whose first cell begins with
 * {@code #} are comments (the source of the data); the first other line names the columns {@code unit_code},
 * {@code end_date} (dd/MM/yyyy or yyyy-MM-dd, or a date cell), {@code successor_code}.
 */
final class TransferFile {

    static final List<String> COLUMNS = List.of("unit_code", "end_date", "successor_code");
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** One data line: its number in the file (1 = first line) and its three cells as written. */
    record Line(int number, String unitCode, String endDate, String successorCode) {}

    /** A line that cannot be read, or a rule a row breaks: line, column, message key and values. */
    record Error(int line, String column, String key, List<Object> args) {
        Error(int line, String column, String key) {
            this(line, column, key, List.of());
        }
    }

    record Parsed(List<Line> lines, List<Error> errors) {}

    private TransferFile() {}

    static Parsed read(@Nullable String fileName, byte @Nullable [] content) {
        List<Error> errors = new ArrayList<>();
        if (content == null || content.length == 0) {
            errors.add(new Error(0, "", "transfer.file.empty"));
            return new Parsed(List.of(), errors);
        }
        List<List<String>> rows;
        try {
            rows = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? xlsx(content)
                    : csv(content);
        } catch (IOException | RuntimeException e) {
            errors.add(new Error(0, "", "transfer.file.unreadable"));
            return new Parsed(List.of(), errors);
        }
        int[] at = null;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank) || cells.get(0).strip().startsWith("#")) {
                continue;
            }
            if (at == null) {
                at = new int[COLUMNS.size()];
                for (int c = 0; c < COLUMNS.size(); c++) {
                    at[c] = indexOf(cells, COLUMNS.get(c));
                    if (at[c] < 0) {
                        errors.add(new Error(i + 1, COLUMNS.get(c), "transfer.file.noColumn", List.of(COLUMNS.get(c))));
                    }
                }
                if (!errors.isEmpty()) {
                    return new Parsed(List.of(), errors);
                }
                continue;
            }
            lines.add(new Line(i + 1, cell(cells, at[0]), cell(cells, at[1]), cell(cells, at[2])));
        }
        if (at == null) {
            errors.add(new Error(0, "", "transfer.file.empty"));
        } else if (lines.isEmpty()) {
            errors.add(new Error(0, "", "transfer.file.noRows"));
        }
        return new Parsed(lines, errors);
    }

    /** The end date as written: dd/MM/yyyy, or ISO yyyy-MM-dd (also what a date cell of a workbook reads as). */
    static @Nullable LocalDate date(String text) {
        String t = text.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, VN) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int indexOf(List<String> cells, String name) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).strip().replace("\uFEFF", "").equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    private static List<List<String>> csv(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        // line by line, so an error names the line of the file as an editor shows it
        for (String line : text.split("\r?\n", -1)) {
            if (line.strip().startsWith("#")) {
                rows.add(List.of(line));
                continue;
            }
            List<CSVRecord> records =
                    CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords();
            List<String> cells = new ArrayList<>();
            if (!records.isEmpty()) {
                records.get(0).forEach(cells::add);
            }
            rows.add(cells.isEmpty() ? List.of("") : cells);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null) {
                            cells.add("");
                        } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            cells.add(cell.getLocalDateTimeCellValue()
                                    .toLocalDate()
                                    .toString());
                        } else {
                            cells.add(format.formatCellValue(cell));
                        }
                    }
                }
                rows.add(cells.isEmpty() ? List.of("") : cells);
            }
        }
        return rows;
    }
}
