package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.signature.SignatureList;
import vn.gov.moha.portal.signature.SignatureProperties;
import vn.gov.moha.portal.signature.TestSigning;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;

/**
 * The assigning document's digital signature on the assignment page, as the unit that received the task reads it:
 * who signed and whether the file is intact and from a trusted signer, or changed after signing.
 */
@PortalTest
class SignedDocumentPageTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SignatureProperties properties;

    @AfterEach
    void untrustEverything() throws IOException {
        FileSystemUtils.deleteRecursively(properties.trustedPath());
    }

    private Assignment assignWith(byte[] pdf) {
        AssignDraft d = workflow.draft(
                workflow.task(3),
                Set.of(workflow.unit("SNV-68").getId()),
                LocalDate.now().plusDays(30));
        login("quanly");
        assignments.assign(new AssignDraft(
                d.taskId(),
                d.leadUnitIds(),
                d.coordinatorIds(),
                false,
                d.deadline(),
                null,
                d.expectedOutput(),
                d.indicators(),
                null,
                d.instructions(),
                new DocumentDraft(
                        "125/QĐ-BNV",
                        LocalDate.of(2024, 1, 22),
                        "Quyết định giao nhiệm vụ",
                        "Bộ Nội vụ",
                        "Nguyễn Văn An",
                        "quyet-dinh.pdf",
                        new ByteArrayInputStream(pdf))));
        Assignment a = assignments.list(2024, d.taskId(), "lam dong", 0, 10).get(0);
        logout();
        return a;
    }

    private String signatureOnPage(Assignment a) {
        login("lamdong.cv");
        navigate("assignments/" + a.getId());
        return _get(SignatureList.class).getElement().getTextRecursively();
    }

    @Test
    void aDocumentSignedByATrustedSignerReadsIntactAndTrusted() {
        TestSigning.ca().trustIn(properties.trustedPath());
        byte[] signed = TestSigning.sign(
                TestSigning.unsignedPdf("Quyet dinh so 125/QD-BNV"), TestSigning.signer(), TestSigning.SIGNED_AT);

        assertThat(signatureOnPage(assignWith(signed)))
                .contains("Nguyễn Văn An – Bộ Nội vụ", "Nguyên vẹn", "Chứng thư tin cậy")
                .doesNotContain("Đã bị thay đổi sau khi ký");
    }

    @Test
    void aDocumentChangedAfterSigningSaysSo() {
        byte[] signed = TestSigning.sign(
                TestSigning.unsignedPdf("Quyet dinh so 125/QD-BNV"), TestSigning.signer(), TestSigning.SIGNED_AT);
        byte[] tampered = TestSigning.replace(signed, "so 125/QD", "so 725/QD");

        assertThat(signatureOnPage(assignWith(tampered)))
                .contains("Đã bị thay đổi sau khi ký", "Không thuộc chuỗi tin cậy")
                .doesNotContain("Nguyên vẹn");
    }

    @Test
    void anUnsignedDocumentSaysItHasNoSignature() {
        assertThat(signatureOnPage(assignWith(TestSigning.unsignedPdf("Quyet dinh so 125/QD-BNV"))))
                .contains("Không có chữ ký số");
    }
}
