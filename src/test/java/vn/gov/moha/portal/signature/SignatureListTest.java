package vn.gov.moha.portal.signature;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.util.FileSystemUtils;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/**
 * What a civil servant reads next to a document's file, for the four cases of issue 17, checked by the portal's own
 * {@link PdfSignatures} bean with its trusted folder ({@code portal.signature.trusted-dir} of the tests).
 */
@PortalTest
class SignatureListTest extends KaribuTest {

    @Autowired
    PdfSignatures signatures;

    @Autowired
    SignatureProperties properties;

    @TempDir
    Path temp;

    @AfterEach
    void untrustEverything() throws IOException {
        FileSystemUtils.deleteRecursively(properties.trustedPath());
    }

    private SignatureList show(byte[] pdf) throws IOException {
        login("lamdong.cv");
        SignatureList list = new SignatureList(signatures.check(Files.write(temp.resolve("file.pdf"), pdf)));
        UI.getCurrent().add(list);
        return list;
    }

    private static byte[] signedDecision() {
        return TestSigning.sign(
                TestSigning.unsignedPdf("Quyet dinh so 125/QD-BNV"), TestSigning.signer(), TestSigning.SIGNED_AT);
    }

    private static List<String> badges() {
        return _find(Span.class).stream()
                .filter(s -> s.getElement().getThemeList().contains("badge"))
                .map(s -> s.getText() + (s.getElement().getThemeList().contains("success") ? " ✓" : " ✗"))
                .toList();
    }

    private static String text(SignatureList list) {
        return list.getElement().getTextRecursively();
    }

    @Test
    void anIntactSignatureOfATrustedSignerShowsWhoWhenAndBothGreenBadges() throws IOException {
        TestSigning.ca().trustIn(properties.trustedPath());

        SignatureList list = show(signedDecision());

        assertThat(text(list))
                .contains("Người ký", "Nguyễn Văn An – Bộ Nội vụ")
                .contains("Thời điểm ký", "01/12/2026 10:30")
                .contains("Chứng thư số do Ban Cơ yếu thử nghiệm cấp")
                .contains("Cổng chưa kiểm tra chứng thư số có bị thu hồi hay không");
        assertThat(badges()).containsExactly("Nguyên vẹn ✓", "Chứng thư tin cậy ✓");
    }

    @Test
    void anIntactSignatureWithoutATrustedRootSaysWhyItIsNotTrusted() throws IOException {
        SignatureList list = show(signedDecision());

        assertThat(badges()).containsExactly("Nguyên vẹn ✓", "Không thuộc chuỗi tin cậy ✗");
        assertThat(text(list)).contains("Quản trị viên chưa cài đặt chứng thư gốc tin cậy");
    }

    @Test
    void aSignatureOfAnotherAuthoritySaysItsIssuerIsNotTrusted() throws IOException {
        TestSigning.newCa("Tổ chức khác").trustIn(properties.trustedPath());

        SignatureList list = show(signedDecision());

        assertThat(badges()).containsExactly("Nguyên vẹn ✓", "Không thuộc chuỗi tin cậy ✗");
        assertThat(text(list)).contains("không do tổ chức chứng thực mà cổng tin cậy cấp");
    }

    @Test
    void aFileChangedAfterSigningSaysSoInRed() throws IOException {
        TestSigning.ca().trustIn(properties.trustedPath());

        SignatureList list = show(TestSigning.replace(signedDecision(), "so 125/QD", "so 725/QD"));

        assertThat(badges()).containsExactly("Đã bị thay đổi sau khi ký ✗", "Chứng thư tin cậy ✓");
        assertThat(text(list)).contains("Nội dung tệp khác với nội dung người ký đã ký.");
    }

    @Test
    void aFileWithAnUnsignedAdditionAfterSigningSaysSo() throws IOException {
        SignatureList list = show(TestSigning.retitled(signedDecision(), "Quyet dinh so 725/QD-BNV"));

        assertThat(badges()).first().isEqualTo("Đã bị thay đổi sau khi ký ✗");
        assertThat(text(list)).contains("phần thay đổi không có chữ ký");
    }

    @Test
    void anUnsignedFileSaysItHasNoDigitalSignature() throws IOException {
        SignatureList list = show(TestSigning.unsignedPdf("Bao cao"));

        assertThat(text(list)).isEqualTo("Không có chữ ký số");
        assertThat(badges()).isEmpty();
    }

    @Test
    void aFileThatIsNotAPdfSaysItCannotBeChecked() throws IOException {
        SignatureList list = show("not a pdf".getBytes());

        assertThat(text(list)).startsWith("Không kiểm tra được chữ ký số");
    }

    @Test
    void inEnglish() throws IOException {
        TestSigning.ca().trustIn(properties.trustedPath());
        useLocale(Locale.ENGLISH);

        SignatureList list = show(signedDecision());

        assertThat(text(list)).contains("Signed by", "Signed on", "1 December 2026 10:30", "has been revoked");
        assertThat(badges()).containsExactly("Intact ✓", "Trusted certificate ✓");
        UI.getCurrent().remove(list);
        show(TestSigning.unsignedPdf("Report"));
        assertThat(text(_find(SignatureList.class).get(0))).isEqualTo("No digital signature");
    }

    @Test
    void everyStateReadsAsTextInBothLanguages() {
        login("lamdong.cv");
        List<PdfSignature> all = new ArrayList<>();
        for (Integrity integrity : Integrity.values()) {
            for (Trust trust : Trust.values()) {
                all.add(new PdfSignature("", null, null, null, integrity, trust));
            }
        }
        for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            useLocale(locale);
            SignatureList list = new SignatureList(new SignatureCheck(SignatureCheck.State.SIGNED, all));
            assertThat(text(list)).as(locale.toString()).doesNotContain("!signature.");
        }
    }

    @Test
    void anonymousVisitorsCannotRunTheCheck() {
        assertThatThrownBy(() -> signatures.check(temp.resolve("any.pdf")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
