package vn.gov.moha.portal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * One Excel workbook written as it goes (SXSSF keeps 200 rows in memory, the rest on disk until the
 * end): tables with a bold, frozen header row and an autofilter, real date and number cells, and a
 * last sheet naming the filters and the time of export.
 */
final class Xlsx implements AutoCloseable {

    /** How a column's cells are written. */
    enum Type {
        TEXT(null),
        INTEGER("#,##0"),
        PERCENT("0%"),
        DATE("dd/mm/yyyy"),
        DATE_TIME("dd/mm/yyyy hh:mm");

        final String format;

        Type(String format) {
            this.format = format;
        }
    }

    /** A column: header text, type, width in characters. */
    record Column(String header, Type type, int width) {}

    private final SXSSFWorkbook book = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle wrap;
    private CellStyle vertical;
    private final Map<Type, CellStyle> styles = new EnumMap<>(Type.class);
    private final Map<DeadlineState, CellStyle> stateStyles = new EnumMap<>(DeadlineState.class);

    Xlsx() {
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        title = book.createCellStyle();
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        title.setFont(big);
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
        for (Type t : Type.values()) {
            CellStyle s = book.createCellStyle();
            if (t.format != null) {
                s.setDataFormat(book.createDataFormat().getFormat(t.format));
            }
            styles.put(t, s);
        }
        for (DeadlineState s : DeadlineState.values()) {
            XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(Type.PERCENT.format));
            style.setFillForegroundColor(new XSSFColor(rgb(s), null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setBorderBottom(BorderStyle.HAIR);
            style.setBorderRight(BorderStyle.HAIR);
            stateStyles.put(s, style);
        }
    }

    /** The fill of a state, the colours of the screen's matrix (light tones, so black text stays readable). */
    static byte[] rgb(DeadlineState s) {
        return switch (s) {
            case IN_PROGRESS_ON_TIME -> new byte[] {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7};
            case IN_PROGRESS_OVERDUE -> new byte[] {(byte) 0xF8, (byte) 0xC4, (byte) 0xC4};
            case DONE_ON_TIME -> new byte[] {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE};
            case DONE_LATE -> new byte[] {(byte) 0xFF, (byte) 0xE6, (byte) 0x99};
            case ONGOING -> new byte[] {(byte) 0xE6, (byte) 0xE0, (byte) 0xF3};
        };
    }

    /** A data sheet with its header row; rows are added with {@link Table#add}. */
    Table table(String name, List<Column> columns) {
        SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(name));
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        return new Table(sheet, columns);
    }

    /** The rows of one sheet. */
    final class Table {
        private final SXSSFSheet sheet;
        private final List<Column> columns;
        private int next = 1;

        private Table(SXSSFSheet sheet, List<Column> columns) {
            this.sheet = sheet;
            this.columns = columns;
        }

        /** One row; null leaves the cell empty. */
        void add(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length && i < columns.size(); i++) {
                put(row, i, columns.get(i).type(), values[i]);
            }
        }

        int rows() {
            return next - 1;
        }

        /** Lets the header filter and sort the rows (also an empty table: the header is there). */
        void finish() {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns.size() - 1));
        }
    }

    void put(Row row, int col, Type type, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
        } else if (value instanceof Number n) {
            cell.setCellValue(type == Type.PERCENT ? n.doubleValue() / 100 : n.doubleValue());
        } else {
            cell.setCellValue(String.valueOf(value));
            return;
        }
        cell.setCellStyle(styles.get(type));
    }

    Sheet sheet(String name) {
        return book.createSheet(WorkbookUtil.createSafeSheetName(name));
    }

    CellStyle header() {
        return header;
    }

    /** A unit's name in the matrix header, turned upright so the columns stay narrow. */
    CellStyle sheetHeaderVertical() {
        if (vertical == null) {
            vertical = book.createCellStyle();
            vertical.cloneStyleFrom(header);
            vertical.setRotation((short) 90);
            vertical.setAlignment(HorizontalAlignment.CENTER);
        }
        return vertical;
    }

    CellStyle title() {
        return title;
    }

    CellStyle wrap() {
        return wrap;
    }

    CellStyle state(DeadlineState s) {
        return stateStyles.get(s);
    }

    /**
     * The sheet naming what was exported: a title, then label and value lines (the time of export as
     * a real date-time cell).
     */
    void about(String sheetName, String heading, List<Object[]> lines) {
        Sheet sheet = sheet(sheetName);
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(heading);
        t.setCellStyle(title);
        int r = 2;
        for (Object[] line : lines) {
            Row row = sheet.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellValue(String.valueOf(line[0]));
            label.setCellStyle(header);
            Object v = line[1];
            Type type = v instanceof LocalDateTime ? Type.DATE_TIME : v instanceof Number ? Type.INTEGER : Type.TEXT;
            put(row, 1, type, v);
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
