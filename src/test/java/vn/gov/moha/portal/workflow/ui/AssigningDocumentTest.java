package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.export.AssignmentsExporter;
import vn.gov.moha.portal.export.SummaryExporter;
import vn.gov.moha.portal.export.Workbooks;
import vn.gov.moha.portal.signature.SignatureList;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;

/**
 * The official document a task is assigned by (issue 17, point 1): each bad input gets its field's message and
 * saves nothing (no row, no file); the units of one action share one document; the list finds an assignment by
 * số/ký hiệu typed any way; only those who may see the assignment download the file; the export carries it; and the
 * dialog and the page show it.
 */
@PortalTest
class AssigningDocumentTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    DocumentService documents;

    @Autowired
    AssignmentsExporter exporter;

    @Autowired
    SummaryExporter summary;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${portal.files.dir}")
    String filesDir;

    private Long t3;
    private Long lamDong;
    private Long haNoi;
    private Long daNang;

    /** Looked up before a test logs in: a fixture step logs out when done. */
    @BeforeEach
    void ids() {
        t3 = workflow.task(3).getId();
        lamDong = workflow.unit("SNV-68").getId();
        haNoi = workflow.unit("SNV-01").getId();
        daNang = workflow.unit("SNV-48").getId();
    }

    @Test
    void eachBadDocumentInputGetsItsFieldsMessageAndNothingIsSaved() throws IOException {
        long filesBefore = files();
        LocalDate tomorrow =
                LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        Map<DocumentDraft, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put(
                doc("QĐ-BNV", LocalDate.of(2024, 1, 5), "x.pdf", pdf()), List.of("docNumber", "document.error.number"));
        cases.put(doc("125/", LocalDate.of(2024, 1, 5), "x.pdf", pdf()), List.of("docNumber", "document.error.number"));
        cases.put(
                doc("125 QĐ-BNV", LocalDate.of(2024, 1, 5), "x.pdf", pdf()),
                List.of("docNumber", "document.error.number"));
        cases.put(doc("", LocalDate.of(2024, 1, 5), "x.pdf", pdf()), List.of("docNumber", "error.required"));
        cases.put(doc("125/QĐ-BNV", tomorrow, "x.pdf", pdf()), List.of("docIssuedOn", "document.error.future"));
        cases.put(
                doc("125/QĐ-BNV", LocalDate.of(1900, 1, 1), "x.pdf", pdf()),
                List.of("docIssuedOn", "document.error.tooOld"));
        cases.put(doc("125/QĐ-BNV", null, "x.pdf", pdf()), List.of("docIssuedOn", "error.required"));
        cases.put(
                new DocumentDraft("125/QĐ-BNV", LocalDate.of(2024, 1, 5), " ", "Bộ Nội vụ", "A", "x.pdf", pdf()),
                List.of("docSummary", "error.required"));
        cases.put(
                new DocumentDraft("125/QĐ-BNV", LocalDate.of(2024, 1, 5), "Trích yếu", "", "A", "x.pdf", pdf()),
                List.of("docIssuer", "error.required"));
        cases.put(
                new DocumentDraft(
                        "125/QĐ-BNV", LocalDate.of(2024, 1, 5), "Trích yếu", "Bộ Nội vụ", null, "x.pdf", pdf()),
                List.of("docSigner", "error.required"));
        cases.put(
                doc("125/QĐ-BNV", LocalDate.of(2024, 1, 5), null, null),
                List.of("docFile", "document.error.fileRequired"));
        cases.put(
                doc("125/QĐ-BNV", LocalDate.of(2024, 1, 5), "x.docx", pdf()), List.of("docFile", "document.error.pdf"));
        // named .pdf, but a web page: refused by its content, after the other checks passed
        cases.put(
                doc("125/QĐ-BNV", LocalDate.of(2024, 1, 5), "x.pdf", new ByteArrayInputStream("<html>".getBytes())),
                List.of("docFile", "file.error.content"));
        cases.put(
                doc("125/QĐ-BNV", LocalDate.of(2024, 1, 5), "x.pdf", new ByteArrayInputStream(new byte[0])),
                List.of("docFile", "file.error.empty"));

        login("quanly");
        for (Map.Entry<DocumentDraft, List<String>> c : cases.entrySet()) {
            assertThatThrownBy(() -> assignments.assign(draft(Set.of(lamDong), c.getKey())))
                    .as(c.getValue().toString())
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems()).anySatisfy(p -> {
                                assertThat(p.field()).isEqualTo(c.getValue().get(0));
                                assertThat(p.messageKey())
                                        .isEqualTo(c.getValue().get(1));
                            }));
        }
        // no document at all: every field of it says so
        assertThatThrownBy(() -> assignments.assign(draft(Set.of(lamDong), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().stream().map(InvalidInputException.Problem::field))
                                .contains(
                                        "docNumber", "docIssuedOn", "docSummary", "docIssuer", "docSigner", "docFile"));

        assertThat(count("assignment")).isZero();
        assertThat(count("official_document")).isZero();
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void numbersAreCheckedAsDocumentNumbersAndStoredInCapitals() {
        login("quanly");
        for (String good : List.of(
                "125/QĐ-BNV",
                "01/KH-BNV",
                "3456/BNV-CCVC",
                "30/2020/NĐ-CP",
                "202/2025/QH15",
                " 125/qđ-bnv ",
                "7/TB-VPCP")) {
            Problems p = new Problems();
            documents.check(doc(good, LocalDate.of(2024, 1, 5), "x.pdf", pdf()), p);
            assertThat(p.has("docNumber")).as(good).isFalse();
        }
        for (String bad :
                List.of("QĐ-BNV", "125", "125/", "125/-BNV", "125/QĐ-", "125//QĐ", "abc/QĐ-BNV", "27-NQ/TW")) {
            Problems p = new Problems();
            documents.check(doc(bad, LocalDate.of(2024, 1, 5), "x.pdf", pdf()), p);
            assertThat(p.has("docNumber")).as(bad).isTrue();
        }
        assignments.assign(draft(Set.of(lamDong), doc(" 125/qđ-bnv ", LocalDate.of(2024, 1, 5), "x.pdf", pdf())));
        assertThat(jdbc.queryForMap("select number, number_search from official_document"))
                .containsEntry("NUMBER", "125/QĐ-BNV")
                .containsEntry("NUMBER_SEARCH", "125/qd-bnv");
    }

    @Test
    void unitsAssignedInOneActionShareOneDocumentRecord() {
        login("quanly");
        Set<Long> three = Set.of(lamDong, haNoi, daNang);
        assertThat(assignments.assign(draft(three, WorkflowFixture.document("125/QĐ-BNV"))))
                .isEqualTo(3);

        assertThat(count("official_document")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(distinct document_id) from assignment where document_id is not null", Long.class))
                .isEqualTo(1);
        assertThat(count("assignment")).isEqualTo(3);
    }

    @Test
    void theListFindsAnAssignmentByItsDocumentNumberTypedAnyWay() {
        login("quanly");
        assignments.assign(draft(Set.of(lamDong), WorkflowFixture.document("125/QĐ-BNV")));
        assignments.assign(draft(Set.of(haNoi), WorkflowFixture.document("01/KH-BNV")));
        for (String q : List.of("125/QĐ-BNV", "125/qd-bnv", "qđ-bnv", "QD-BNV", "125")) {
            assertThat(assignments.list(2024, t3, q, 0, 10))
                    .as(q)
                    .singleElement()
                    .satisfies(a -> assertThat(a.getLeadUnit().getCode()).isEqualTo("SNV-68"));
            assertThat(assignments.count(2024, t3, q)).isEqualTo(1);
        }
        assertThat(assignments.list(2024, t3, "kh-bnv", 0, 10))
                .singleElement()
                .satisfies(a -> assertThat(a.getLeadUnit().getCode()).isEqualTo("SNV-01"));
        assertThat(assignments.list(2024, t3, "bnv", 0, 10)).hasSize(2);
        assertThat(assignments.list(2024, t3, "lam dong", 0, 10)).hasSize(1);
    }

    @Test
    void theFileDownloadsForThoseWhoSeeTheAssignmentAndNotForAnotherUnitsOfficer() throws IOException {
        Assignment a = workflow.assignTask3ToLamDong();

        login("lamdong.cv");
        FileStore.Download mine = assignments.documentFile(a.getId());
        try (InputStream in = mine.content()) {
            assertThat(in.readAllBytes()).isEqualTo(WorkflowFixture.PDF);
        }
        assertThat(mine.name()).isEqualTo("ke-hoach.pdf");
        assertThat(mine.contentType()).isEqualTo("application/pdf");

        login("hanoi.cv");
        long refusals = count("event_log where action = 'ACCESS_REFUSED'");
        assertThatThrownBy(() -> assignments.documentFile(a.getId()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("assignment.error.notFound"));
        assertThat(count("event_log where action = 'ACCESS_REFUSED'")).isEqualTo(refusals + 1);

        login("lanhdao");
        assertThat(assignments.documentFile(a.getId()).size()).isEqualTo(WorkflowFixture.PDF.length);
    }

    @Test
    void aFileKeptInATransactionThatRollsBackIsDeletedAgain() throws IOException {
        long before = files();
        login("quanly");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    documents.record(WorkflowFixture.document("125/QĐ-BNV"));
                    assertThat(count("official_document")).isEqualTo(1);
                    throw new IllegalStateException("a later step fails");
                }))
                .hasMessage("a later step fails");
        assertThat(count("official_document")).isZero();
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void theExcelExportCarriesTheDocumentNumberAndDate() {
        workflow.assignTask3ToLamDong();
        login("quanly");
        Download file = exporter.assignments(2024, null, "", Locale.forLanguageTag("vi"), Download.Progress.NONE);
        try (XSSFWorkbook book = Workbooks.open(file)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(Workbooks.header(sheet)).endsWith("Số, ký hiệu văn bản giao", "Ngày ban hành văn bản");
            List<String> row = Workbooks.row(sheet, 1);
            assertThat(row.get(10)).isEqualTo("01/KH-BNV");
            assertThat(row.get(11)).isEqualTo("05/01/2024");
            Workbooks.assertDateCell(sheet.getRow(1).getCell(11));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLeadersPdfNamesTheDocumentOfAnOverdueAssignment() throws IOException {
        Assignment a = workflow.assignTask3ToLamDong();
        jdbc.update(
                "update assignment set deadline = ? where id = ?",
                LocalDate.now().minusDays(3),
                a.getId());
        login("lanhdao");
        Download file = summary.summary(DashboardFilter.of(2024), Locale.forLanguageTag("vi"), Download.Progress.NONE);
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Văn bản giao: 01/KH-BNV ngày 05/01/2024");
        }
    }

    @Test
    void theDialogShowsEachDocumentProblemNextToItsFieldThenAssignsAndThePageShowsTheDocument() throws IOException {
        login("quanly");
        navigate("assignments");
        AssignDialog dialog = AssignDialogSteps.openFor(3);
        assertThat(dialog.document.issuer.getValue()).isEqualTo("Bộ Nội vụ");
        AssignDialogSteps.leadUnits(dialog, "SNV-68", "SNV-01");
        AssignDialogSteps.deadlineAndOutput(dialog);
        _setValue(dialog.document.number, "125 QĐ BNV");
        _setValue(dialog.document.issuedOn, LocalDate.now().plusDays(2));
        _click(dialog.save);

        assertFieldError(
                dialog.document.number,
                "Số, ký hiệu chưa đúng dạng văn bản: số, dấu “/”, ký hiệu viết hoa nối bằng “-”, ví dụ 125/QĐ-BNV, "
                        + "01/KH-BNV, 3456/BNV-CCVC");
        assertFieldError(dialog.document.issuedOn, "Ngày ban hành không được sau ngày hôm nay");
        assertFieldError(dialog.document.summary, "Vui lòng nhập thông tin này");
        assertFieldError(dialog.document.signer, "Vui lòng nhập thông tin này");
        assertFieldError(dialog.document.file, "Đồng chí đính kèm tệp PDF của văn bản đã ký");
        assertThat(count("assignment")).isZero();

        AssignDialogSteps.document(dialog.document, "125/QĐ-BNV");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(count("assignment")).isEqualTo(2);
        assertThat(count("official_document")).isEqualTo(1);

        Long id = jdbc.queryForObject(
                "select a.id from assignment a join org_unit u on u.id = a.lead_unit_id where u.code = 'SNV-68'",
                Long.class);
        login("lamdong.cv");
        UI.getCurrent().getPage().reload();
        navigate("assignments/" + id);
        DocumentCard card = _get(DocumentCard.class);
        assertThat(card.getElement().getTextRecursively())
                .contains("125/QĐ-BNV ngày 05/01/2024")
                .contains("Kế hoạch triển khai tinh giản biên chế năm 2024")
                .contains("Bộ Nội vụ")
                .contains("Nguyễn Minh Quang");
        assertThat(card.download.getText()).startsWith("Tải văn bản (ke-hoach.pdf");
        // under it, what the portal could read of the file's digital signature (SignedDocumentPageTest has the cases)
        assertThat(card.extras.getChildren()).singleElement().isInstanceOf(SignatureList.class);
    }

    /** Fills the document fields with a valid document of that number and holds a small PDF as its file. */
    private AssignDraft draft(Set<Long> units, DocumentDraft document) {
        return new AssignDraft(
                t3,
                units,
                Set.of(),
                false,
                LocalDate.now().plusDays(30),
                null,
                "Báo cáo kết quả tinh giản biên chế",
                List.of(new AssignDraft.IndicatorDraft("Số biên chế tinh giản", "người", new BigDecimal("120"))),
                null,
                null,
                document);
    }

    private static DocumentDraft doc(String number, LocalDate issuedOn, String fileName, InputStream content) {
        return new DocumentDraft(
                number, issuedOn, "Kế hoạch năm 2024", "Bộ Nội vụ", "Nguyễn Minh Quang", fileName, content);
    }

    private static InputStream pdf() {
        return new ByteArrayInputStream(WorkflowFixture.PDF);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long files() throws IOException {
        Path dir = Path.of(filesDir);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
