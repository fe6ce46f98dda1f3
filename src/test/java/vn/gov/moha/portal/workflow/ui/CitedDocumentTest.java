package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * An extension request and a completion report may cite a document the way an assignment does (optional; the same
 * fields and checks; all or nothing), shown where they are shown, and downloaded only by those who see the
 * assignment.
 */
@PortalTest
class CitedDocumentTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ExtensionService extensions;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExtensionRequestMayCiteADocumentCheckedAsWhenAssigning() throws IOException {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        LocalDate later = a.getDeadline().plusDays(20);

        assertThatThrownBy(() -> extensions.requestCiting(a.getId(), later, "Chờ số liệu", cited("125-QĐ-UBND")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("docNumber");
                            assertThat(p.messageKey()).isEqualTo("document.error.number");
                        }));
        assertThat(count("extension_request")).isZero();
        assertThat(count("official_document")).isEqualTo(1); // the assignment's own

        // an empty document section is no citation
        ExtensionRequest plain = extensions.requestCiting(
                a.getId(), later, "Chờ số liệu", new DocumentDraft(null, null, " ", null, null, null, null));
        assertThat(plain.getDocument()).isNull();
        jdbc.update("delete from extension_request");

        ExtensionRequest r = extensions.requestCiting(a.getId(), later, "Chờ số liệu", cited("215/QĐ-UBND"));
        assertThat(r.getDocument().getNumber()).isEqualTo("215/QĐ-UBND");
        try (InputStream in = extensions.documentFile(r.getId()).content()) {
            assertThat(in.readAllBytes()).isEqualTo(WorkflowFixture.PDF);
        }

        login("hanoi.cv");
        assertThatThrownBy(() -> extensions.documentFile(r.getId())).isInstanceOf(InvalidInputException.class);

        // shown under the request on the assignment's page
        login("lanhdao");
        UI.getCurrent().getPage().reload();
        navigate("assignments/" + a.getId());
        assertThat(_find(DocumentCard.class))
                .hasSize(2) // the assigning document, and the one the request cites
                .anySatisfy(c -> assertThat(c.getElement().getTextRecursively())
                        .contains("215/QĐ-UBND ngày 05/01/2024")
                        .contains("Sở Nội vụ tỉnh Lâm Đồng"));
    }

    @Test
    void aReportMayCiteADocumentWhileEditableAndOnlyThoseWhoSeeItDownloadIt() throws IOException {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        ProgressReport draft = reports.save(new ReportDraft(
                null,
                a.getId(),
                0,
                100,
                Confidence.ON_TRACK,
                "Đã hoàn thành",
                Map.of(a.getIndicators().get(0).getId(), new BigDecimal("120"))));

        DocumentDraft future = new DocumentDraft(
                "15/BC-SNV",
                LocalDate.now().plusDays(3),
                "Báo cáo kết quả",
                "Sở Nội vụ tỉnh Lâm Đồng",
                "Trần Văn B",
                "bao-cao.pdf",
                new ByteArrayInputStream(WorkflowFixture.PDF));
        assertThatThrownBy(() -> reports.citeDocument(draft.getId(), future))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("docIssuedOn"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from progress_report where document_id is not null", Long.class))
                .isZero();

        ProgressReport cited = reports.citeDocument(draft.getId(), cited("15/BC-SNV"));
        assertThat(cited.getDocument().getNumber()).isEqualTo("15/BC-SNV");
        assertThat(reports.documentFile(draft.getId()).size()).isEqualTo(WorkflowFixture.PDF.length);

        login("hanoi.cv");
        assertThatThrownBy(() -> reports.documentFile(draft.getId())).isInstanceOf(InvalidInputException.class);

        login("lamdong.cv");
        ProgressReport fresh = reports.find(draft.getId()).orElseThrow();
        reports.submit(fresh.getId(), fresh.getVersion());
        assertThatThrownBy(() -> reports.citeDocument(draft.getId(), cited("16/BC-SNV")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("report.error.notEditable"));
        assertThat(count("official_document")).isEqualTo(2); // the assignment's and the report's

        // shown on the report's page
        login("lamdong.truong");
        UI.getCurrent().getPage().reload();
        navigate("reports/" + draft.getId());
        assertThat(_get(DocumentCard.class).getElement().getTextRecursively()).contains("15/BC-SNV ngày 05/01/2024");
    }

    private static DocumentDraft cited(String number) {
        return new DocumentDraft(
                number,
                LocalDate.of(2024, 1, 5),
                "Về việc điều chỉnh kế hoạch",
                "Sở Nội vụ tỉnh Lâm Đồng",
                "Trần Văn B",
                "van-ban.pdf",
                new ByteArrayInputStream(WorkflowFixture.PDF));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
