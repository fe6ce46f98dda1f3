package vn.gov.moha.portal.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * The dashboard's exports on the generated year: the matrix as Excel (checked cell by cell against
 * the dataset's model) and the leader's PDF, read back with PDFBox (text, fonts) and rendered to PNG.
 */
@PortalTest
class DashboardExportTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    DashboardDataset data;

    @Autowired
    DashboardService dashboard;

    @BeforeEach
    void generate() {
        data = new DashboardDataset(jdbc).generate();
    }

    private DashboardView open(String who) {
        login(who);
        navigate("dashboard");
        return _get(DashboardView.class);
    }

    static Download export(ExportButton button) throws Exception {
        return Workbooks.click(button);
    }

    /** "3/SNV-68" -> "Đang thực hiện, trong hạn 45% 1" as the model says. */
    private Map<String, String> expectedCells(String who, DashboardFilter f) {
        Map<String, String> expected = new TreeMap<>();
        data.expectedCells(who, f).forEach((key, value) -> {
            String[] k = key.split(":");
            String[] v = value.split(" ");
            int number = data.tasks.stream()
                    .filter(t -> t.id() == Long.parseLong(k[0]))
                    .findFirst()
                    .orElseThrow()
                    .number();
            String code = data.units.get(Long.parseLong(k[1])).code();
            expected.put(number + "/" + code, state(DeadlineState.valueOf(v[1])) + " " + v[2] + "% " + v[0]);
        });
        return expected;
    }

    private static String state(DeadlineState s) {
        return new vn.gov.moha.portal.i18n.Translations()
                .getTranslation(s.translationKey(), vn.gov.moha.portal.i18n.Translations.VIETNAMESE);
    }

    private static Map<String, String> cellsSheet(XSSFWorkbook book) {
        Sheet sheet = book.getSheet("Chi tiết ô");
        assertThat(Workbooks.header(sheet))
                .containsExactly(
                        "STT",
                        "Nhiệm vụ",
                        "Mã đơn vị",
                        "Đơn vị",
                        "Loại đơn vị",
                        "Tình trạng",
                        "Tiến độ (%)",
                        "Số nhiệm vụ");
        Map<String, String> found = new TreeMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            List<String> row = Workbooks.row(sheet, r);
            Workbooks.assertNumberCell(sheet.getRow(r).getCell(6));
            found.put(row.get(0) + "/" + row.get(2), row.get(5) + " " + row.get(6) + " " + row.get(7));
        }
        return found;
    }

    @Test
    void theMatrixExportHoldsTheCellsOfTheFiltersOnScreen() throws Exception {
        DashboardView view = open("lanhdao");
        DashboardFilter all = DashboardFilter.of(2024);
        long started = System.nanoTime();
        Download file = export(view.matrixExport);
        System.out.printf(
                "Matrix export for lanhdao: %d cells, %,d bytes, %d ms%n",
                file.rows(), file.content().length, (System.nanoTime() - started) / 1_000_000);
        assertThat(file.fileName()).startsWith("ma-tran-nhiem-vu-").endsWith(".xlsx");
        Figures.Matrix matrix = dashboard.matrix(all, true);
        try (XSSFWorkbook book = Workbooks.open(file)) {
            assertThat(cellsSheet(book)).isEqualTo(expectedCells("lanhdao", all));

            Sheet sheet = book.getSheet("Ma trận");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(Workbooks.row(sheet, 0).subList(0, 3)).containsExactly("STT", "Nhiệm vụ", "Đơn vị thuộc Bộ");
            assertThat(Workbooks.row(sheet, 0)).contains("Tỉnh, thành phố");
            assertThat(Workbooks.row(sheet, 1)).contains("Lâm Đồng", "Tổ chức - Biên chế");
            int rows = matrix.rows().size();
            // the legend under the table: each state's colour and its name
            Map<String, String> legend = new TreeMap<>();
            for (int r = 3 + rows; r < 3 + rows + DeadlineState.values().length; r++) {
                legend.put(
                        rgb(sheet.getRow(r).getCell(0)),
                        sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(legend).hasSize(5); // the four states and the ongoing group
            List<String> columns = new ArrayList<>();
            matrix.columns().stream()
                    .filter(c -> c.kind() != vn.gov.moha.portal.unit.UnitKind.PROVINCE)
                    .forEach(c -> columns.add(c.code()));
            matrix.columns().stream()
                    .filter(c -> c.kind() == vn.gov.moha.portal.unit.UnitKind.PROVINCE)
                    .forEach(c -> columns.add(c.code()));
            Map<String, String> expected = expectedCells("lanhdao", all);
            int checked = 0;
            for (int r = 0; r < rows; r++) {
                int number = (int) sheet.getRow(2 + r).getCell(0).getNumericCellValue();
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = sheet.getRow(2 + r).getCell(2 + c);
                    String want = expected.get(number + "/" + columns.get(c));
                    if (want == null) {
                        assertThat(cell).isNull();
                        continue;
                    }
                    Workbooks.assertNumberCell(cell);
                    assertThat(Math.round(cell.getNumericCellValue() * 100) + "%")
                            .isEqualTo(want.split(" ")[want.split(" ").length - 2]);
                    assertThat(want).startsWith(legend.get(rgb(cell)));
                    checked++;
                }
            }
            System.out.println("Matrix sheet: " + rows + " tasks x " + columns.size() + " units, " + checked
                    + " cells checked (value and colour = the legend's colour of its state)");
            assertThat(checked).isEqualTo(expected.size());
        }

        HasValueUtilsKt._setValue(view.state, DeadlineState.IN_PROGRESS_OVERDUE);
        DashboardFilter overdue = view.filter();
        try (XSSFWorkbook book = Workbooks.open(export(view.matrixExport))) {
            Map<String, String> cells = cellsSheet(book);
            assertThat(cells).isEqualTo(expectedCells("lanhdao", overdue)).isNotEmpty();
            assertThat(cells.values()).allMatch(v -> v.startsWith("Đang thực hiện, quá hạn"));
            assertThat(Workbooks.about(book))
                    .containsEntry("Tình trạng", "Đang thực hiện, quá hạn")
                    .containsEntry("Phạm vi số liệu", "Số liệu toàn bộ các đơn vị.");
        }
    }

    private static String rgb(Cell cell) {
        byte[] rgb = ((XSSFCellStyle) cell.getCellStyle())
                .getFillForegroundXSSFColor()
                .getRGB();
        return java.util.HexFormat.of().formatHex(rgb);
    }

    @Test
    void theLeadersPdfHasTheFiguresTheMatrixAndTheLateListInVietnamese() throws Exception {
        DashboardView view = open("lanhdao");
        assertThat(view.pdfExport.isVisible()).isTrue();
        assertThat(view.pdfExport.button.getText()).isEqualTo("Tải báo cáo PDF");
        long started = System.nanoTime();
        Download file = export(view.pdfExport);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(file.fileName()).startsWith("bao-cao-tong-hop-").endsWith(".pdf");
        assertThat(file.mimeType()).isEqualTo(Download.PDF);
        Map<DeadlineState, Long> byState = data.expectedByState("lanhdao", DashboardFilter.of(2024));
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            String text = new PDFTextStripper().getText(pdf);
            render(pdf, "summary-lanhdao", text);
            PDPage first = pdf.getPage(0);
            System.out.printf(
                    "PDF for lanhdao: %d pages, %,d bytes, %d ms; page 1 %.0f x %.0f pt%n",
                    pdf.getNumberOfPages(),
                    file.content().length,
                    ms,
                    first.getMediaBox().getWidth(),
                    first.getMediaBox().getHeight());
            assertThat(first.getMediaBox().getWidth())
                    .as("A4 landscape")
                    .isGreaterThan(first.getMediaBox().getHeight());
            assertThat(text)
                    .contains(
                            "Báo cáo tổng hợp nhiệm vụ trọng tâm năm 2024",
                            "Hoàn thành đúng hạn",
                            "Hoàn thành quá hạn",
                            "Đang thực hiện, quá hạn",
                            "Số liệu toàn bộ các đơn vị.",
                            "Lâm Đồng",
                            "Đà Nẵng",
                            "Thừa Thiên Huế",
                            "Tổ chức - Biên chế",
                            "Nhiệm vụ quá hạn",
                            "Báo cáo định kỳ muộn hoặc chưa gửi",
                            "Tình trạng theo nhiệm vụ",
                            "Trang 1");
            for (DeadlineState s : DeadlineState.values()) {
                assertThat(text)
                        .as("headline figure of %s", s)
                        .contains(String.format(Locale.GERMANY, "%,d", byState.get(s)) + "\n");
            }
            // every overdue assignment of the model is a line of the late list (its deadline and days)
            long overdue = byState.get(DeadlineState.IN_PROGRESS_OVERDUE);
            // the whole text: PDFBox may read a block that OpenPDF moved to the next page after the heading that
            // follows it, and no other line of the summary ends with a date, two numbers and a percent
            long lines = text.lines()
                    .filter(l -> l.matches(".*\\d{2}/\\d{2}/\\d{4} \\d+ \\d+%$"))
                    .count();
            System.out.println("Overdue lines in the PDF: " + lines + " (model: " + overdue + ")");
            assertThat(lines).isEqualTo(overdue);
            fontsAreEmbeddedDejaVuIdentityH(pdf);
        }
    }

    @Test
    void aUnitOfficersPdfCoversTheirUnitOnlyAndAdminHasNoPdfButton() throws Exception {
        DashboardView view = open("lamdong.cv");
        Download file = export(view.pdfExport);
        Set<String> visible = data.scoped("lamdong.cv", DashboardFilter.of(2024)).stream()
                .map(a -> a.unit().code())
                .collect(Collectors.toCollection(TreeSet::new));
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            String text = new PDFTextStripper().getText(pdf);
            render(pdf, "summary-lamdong-cv", text);
            assertThat(text).contains("Số liệu các nhiệm vụ Sở Nội vụ tỉnh Lâm Đồng chủ trì hoặc phối hợp.");
            long total = data.scoped("lamdong.cv", DashboardFilter.of(2024)).size();
            assertThat(text).contains(total + "\nTổng số nhiệm vụ");
            // the names of units whose assignments Lâm Đồng neither leads nor coordinates are nowhere
            List<String> foreign = new ArrayList<>();
            for (String code : List.of("SNV-01", "SNV-48", "SNV-31", "SNV-92", "V-CCHC")) {
                if (!visible.contains(code)) {
                    String name =
                            jdbc.queryForObject("select name_vi from org_unit where code = ?", String.class, code);
                    foreign.add(name.replaceFirst("^Sở Nội vụ (tỉnh|thành phố) ", "")
                            .replaceFirst("^Vụ ", ""));
                }
            }
            System.out.println("lamdong.cv PDF: " + total + " assignments of " + visible.size()
                    + " units; names checked absent: " + foreign);
            assertThat(foreign).isNotEmpty();
            for (String name : foreign) {
                assertThat(text).as("foreign unit %s", name).doesNotContain(name);
            }
        }
        newSession();
        DashboardView admin = open("admin");
        assertThat(admin.pdfExport.isVisible())
                .as("ADMIN is no reader of the leader's report")
                .isFalse();
        assertThat(admin.matrixExport.isVisible()).isTrue();
    }

    private static void fontsAreEmbeddedDejaVuIdentityH(PDDocument pdf) throws Exception {
        Set<String> fonts = new TreeSet<>();
        for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
            PDFont font = pdf.getPage(0).getResources().getFont(name);
            fonts.add(font.getName() + " embedded=" + font.isEmbedded() + " encoding="
                    + font.getCOSObject().getNameAsString(COSName.ENCODING));
            assertThat(font.getName()).contains("DejaVuSans");
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
        }
        System.out.println("Fonts of page 1: " + fonts);
        assertThat(fonts).isNotEmpty();
    }

    /** Pages 1 and 2 as PNG in target/exports (and /work/shots/export where it exists), to look at. */
    private static void render(PDDocument pdf, String name, String text) throws Exception {
        Files.createDirectories(Path.of("target", "exports"));
        Files.writeString(Path.of("target", "exports", name + ".txt"), text);
        pdf.save(Path.of("target", "exports", name + ".pdf").toFile());
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int page = 0; page < Math.min(2, pdf.getNumberOfPages()); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 110);
            List<Path> dirs = Files.isDirectory(Path.of("/work/shots"))
                    ? List.of(Path.of("target", "exports"), Path.of("/work/shots/export"))
                    : List.of(Path.of("target", "exports"));
            for (Path dir : dirs) {
                try {
                    Files.createDirectories(dir);
                    ImageIO.write(
                            image,
                            "png",
                            dir.resolve(name + "-p" + (page + 1) + ".png").toFile());
                } catch (java.io.IOException e) {
                    System.out.println("Could not write to " + dir + ": " + e.getMessage());
                }
            }
        }
    }
}
