package vn.gov.moha.portal.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks built as a user's Excel would save them: text, whole numbers and real date cells. */
public final class Workbooks {

    private Workbooks() {}

    /** The first row is written as given too (a header, or not); a LocalDate becomes a date cell, an Integer a number. */
    public static byte[] of(Object[]... rows) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Danh mục");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Integer i) {
                        cell.setCellValue(i);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row of the template, in Vietnamese. */
    static Object[] header() {
        return new Object[] {
            "Số TT",
            "Tên nhiệm vụ",
            "Mô tả",
            "Đơn vị chủ trì",
            "Lãnh đạo Bộ phụ trách",
            "Thời hạn hoặc kỳ",
            "Tên tiếng Anh"
        };
    }
}
