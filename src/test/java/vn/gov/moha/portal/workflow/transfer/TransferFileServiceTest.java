package vn.gov.moha.portal.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;

/** Issue 18 point 2: the same transfer for many units from a CSV or XLSX file, all or nothing. */
@PortalTest
class TransferFileServiceTest extends KaribuTest {

    @Autowired
    TransferFileService files;

    @Autowired
    TransferFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    private Runnable restore;

    @BeforeEach
    void keepUnits() {
        restore = fixture.snapshot();
    }

    @AfterEach
    void putUnitsBack() {
        restore.run();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyWrongLineIsNamedWithItsColumnAndNothingIsApplied() {
        fixture.build();
        byte[] file = csv("# a comment\n"
                + "unit_code,end_date,successor_code\n"
                + "SNV-68,31/12/2025,SNV-01\n" // fine alone
                + "SNV-99,31/12/2025,SNV-01\n" // no such unit
                + "SNV-48,31-12-2025,SNV-01\n" // bad date
                + "SNV-01,30/11/2025,SNV-68\n" // Lâm Đồng goes to Hà Nội above: a loop; and Lâm Đồng then ends
                + "SNV-68,31/12/2025,SNV-01\n"); // twice
        login("admin");
        FilePreview p = files.preview("units.csv", file);

        assertThat(p.valid()).isFalse();
        assertThat(p.rows()).isEmpty();
        assertThat(p.errors())
                .extracting(e -> e.line() + " " + e.column() + " " + e.messageKey())
                .contains(
                        "4 unit_code transfer.file.unknownUnit",
                        "5 end_date transfer.file.badDate",
                        "6 successor_code transfer.error.loop",
                        "7 unit_code transfer.file.twice");
        assertThatThrownBy(() -> files.confirm("units.csv", file, java.util.Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("transfer.file.hasErrors"));
        assertThat(jdbc.queryForObject("select valid_to from org_unit where code = 'SNV-68'", LocalDate.class))
                .isNull();
    }

    @Test
    void aValidFileMovesEveryUnitsWorkInOneGo() throws Exception {
        TransferFixture.Scenario s = fixture.build();
        byte[] file = xlsx(new String[][] {
            {"# Nguồn: thử nghiệm"}, {"unit_code", "end_date", "successor_code"}, {"SNV-68", "31/12/2025", "SNV-01"}
        });
        login("admin");
        FilePreview p = files.preview("units.xlsx", file);
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.openAssignments()).isEqualTo(2);
            assertThat(r.merged()).isEqualTo(1);
        });

        TransferResult r = files.confirm("units.xlsx", file, p.versions());

        assertThat(r.movedAssignments()).isEqualTo(1);
        assertThat(r.mergedAssignments()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select u.code from assignment a join org_unit u on u.id = a.lead_unit_id where a.id = ?",
                        String.class,
                        s.lamDong2().getId()))
                .isEqualTo("SNV-01");
        assertThat(files.confirm(
                                "units.xlsx",
                                file,
                                files.preview("units.xlsx", file).versions())
                        .changed())
                .as("the same file again changes nothing")
                .isFalse();
    }

    @Test
    void theShippedMergerFileReadsWithoutErrorOnTheReferenceData() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/transfer/sap-nhap-tinh-2025-07-01.csv")) {
            file = in.readAllBytes();
        }
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("202/2025/QH15");
        login("admin");
        FilePreview p = files.preview("sap-nhap-tinh-2025-07-01.csv", file);
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).hasSize(29);
        assertThat(p.rows())
                .extracting(r -> r.unit().getCode() + ">" + r.successor().getCode())
                .contains("SNV-02>SNV-08", "SNV-49>SNV-48");
        assertThat(p.rows()).allMatch(r -> r.endDate().equals(LocalDate.of(2025, 6, 30)));
    }

    @Test
    void aFileWithoutTheColumnsOrUnreadableIsRefusedWithItsReason() {
        login("admin");
        assertThat(files.preview("x.csv", csv("unit,end\nSNV-68,31/12/2025\n")).errors())
                .extracting(e -> e.column() + " " + e.messageKey())
                .contains("unit_code transfer.file.noColumn", "successor_code transfer.file.noColumn");
        assertThat(files.preview("x.xlsx", csv("not a workbook")).errors())
                .extracting(FilePreview.RowError::messageKey)
                .containsExactly("transfer.file.unreadable");
        assertThat(files.preview("x.csv", new byte[0]).errors())
                .extracting(FilePreview.RowError::messageKey)
                .containsExactly("transfer.file.empty");
    }

    private static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Chuyển giao");
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
