package vn.gov.moha.portal.export;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Draws an exported workbook as HTML, to look at it in a browser where no spreadsheet program is
 * installed: every sheet, cells as Excel formats them, fills, bold, column widths, the frozen rows
 * marked, and each cell's type (D date, N number, T text) in small grey letters.
 * {@code java ... XlsxToHtml in.xlsx out.html}
 */
public final class XlsxToHtml {

    public static void main(String[] args) throws Exception {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><style>"
                + "body{font:13px 'DejaVu Sans',sans-serif;margin:12px} table{border-collapse:collapse;margin-bottom:18px}"
                + "td{border:1px solid #ccc;padding:2px 4px;vertical-align:bottom;white-space:nowrap;overflow:hidden}"
                + "td.n{text-align:right} td.frozen{border-bottom:2px solid #333} sup{color:#999;font-size:9px}"
                + "h2{font-size:15px;margin:8px 0}</style>");
        DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new FileInputStream(args[0]))) {
            html.append("<h1 style='font-size:16px'>")
                    .append(Path.of(args[0]).getFileName())
                    .append("</h1>");
            for (Sheet sheet : book) {
                var pane = sheet.getPaneInformation();
                int frozenRows = pane != null && pane.isFreezePane() ? pane.getHorizontalSplitPosition() : 0;
                html.append("<h2>Sheet: ")
                        .append(esc(sheet.getSheetName()))
                        .append(frozenRows > 0 ? " (first " + frozenRows + " row(s) frozen)" : "")
                        .append("</h2><table>");
                int maxCol = 0;
                for (Row row : sheet) {
                    maxCol = Math.max(maxCol, row.getLastCellNum());
                }
                html.append("<colgroup>");
                for (int c = 0; c < maxCol; c++) {
                    html.append("<col style='width:")
                            .append(sheet.getColumnWidth(c) / 256 * 7)
                            .append("px'>");
                }
                html.append("</colgroup>");
                int shown = 0;
                for (int r = 0; r <= sheet.getLastRowNum() && shown < 40; r++, shown++) {
                    Row row = sheet.getRow(r);
                    html.append("<tr>");
                    for (int c = 0; c < maxCol; c++) {
                        Cell cell = row == null ? null : row.getCell(c);
                        StringBuilder style = new StringBuilder();
                        String cls = r < frozenRows ? "frozen" : "";
                        String type = "";
                        String text = "";
                        if (cell != null) {
                            XSSFCellStyle s = (XSSFCellStyle) cell.getCellStyle();
                            XSSFColor fill = s.getFillForegroundXSSFColor();
                            if (fill != null && fill.getRGB() != null) {
                                style.append("background:#")
                                        .append(java.util.HexFormat.of().formatHex(fill.getRGB()))
                                        .append(';');
                            }
                            if (book.getFontAt(s.getFontIndex()).getBold()) {
                                style.append("font-weight:bold;");
                            }
                            if (s.getRotation() == 90) {
                                style.append("writing-mode:vertical-rl;transform:rotate(180deg);height:9em;");
                            }
                            text = format.formatCellValue(cell);
                            if (cell.getCellType() == CellType.NUMERIC) {
                                type = DateUtil.isCellDateFormatted(cell) ? "D" : "N";
                                cls += " n";
                            } else if (cell.getCellType() == CellType.STRING && !text.isEmpty()) {
                                type = "T";
                            }
                        }
                        html.append("<td class='")
                                .append(cls)
                                .append("' style='")
                                .append(style)
                                .append("'>")
                                .append(esc(text))
                                .append(type.isEmpty() ? "" : "<sup>" + type + "</sup>")
                                .append("</td>");
                    }
                    html.append("</tr>");
                }
                html.append("</table>");
                if (sheet.getLastRowNum() >= 40) {
                    html.append("<p>… ").append(sheet.getLastRowNum() + 1 - 40).append(" more rows</p>");
                }
            }
        }
        Files.writeString(Path.of(args[1]), html);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
