package vn.gov.moha.portal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four cases of issue 17 (intact and trusted; intact but untrusted; tampered after signing; unsigned) and the
 * ways a file goes wrong around them, on PDFs signed here by {@link TestSigning}'s own certification authority.
 * Plain JUnit on the class itself: who may call it is checked in ServiceRoleMatrixTest.
 */
class PdfSignaturesTest {

    @TempDir
    Path temp;

    private Path trusted() {
        return temp.resolve("trusted");
    }

    private PdfSignatures signatures() {
        return new PdfSignatures(new SignatureProperties(trusted().toString()));
    }

    private static byte[] signedDecision() {
        return TestSigning.sign(
                TestSigning.unsignedPdf("Quyet dinh so 125/QD-BNV"), TestSigning.signer(), TestSigning.SIGNED_AT);
    }

    private SignatureCheck check(byte[] pdf) throws IOException {
        return signatures().check(Files.write(Files.createTempFile(temp, "file-", ".pdf"), pdf));
    }

    @Test
    void aSignedFileWhoseRootIsTrustedIsIntactAndTrustedWithItsSignerAndTime() throws IOException {
        TestSigning.ca().trustIn(trusted());

        SignatureCheck check = check(signedDecision());

        assertThat(check.state()).isEqualTo(SignatureCheck.State.SIGNED);
        assertThat(check.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
            assertThat(s.organisation()).isEqualTo("Bộ Nội vụ");
            assertThat(s.issuer()).isEqualTo("Ban Cơ yếu thử nghiệm");
            assertThat(s.signedAt()).isEqualTo(TestSigning.SIGNED_AT);
            assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
            assertThat(s.trust()).isEqualTo(Trust.TRUSTED);
        });
        assertThat(check.allValid()).isTrue();
    }

    @Test
    void withNoTrustedRootTheSignatureIsIntactButNotTrusted() throws IOException {
        SignatureCheck check = check(signedDecision());

        assertThat(check.signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
            assertThat(s.trust()).isEqualTo(Trust.NO_TRUSTED_ROOTS);
        });
        assertThat(check.allValid()).isFalse();
    }

    @Test
    void withAnotherRootTrustedTheSignatureIsIntactButItsIssuerUnknown() throws IOException {
        TestSigning.newCa("Tổ chức khác").trustIn(trusted());

        assertThat(check(signedDecision()).signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
            assertThat(s.trust()).isEqualTo(Trust.UNKNOWN_ISSUER);
        });
    }

    @Test
    void aChainThroughAnIntermediateCarriedInTheSignatureReachesTheTrustedRoot() throws IOException {
        TestSigning.ca().trustIn(trusted());
        TestSigning.Signer officer =
                TestSigning.ca().intermediate("CA cấp dưới thử nghiệm").issue("Trần Thị Bình", "Sở Nội vụ Lâm Đồng");

        byte[] pdf = TestSigning.sign(TestSigning.unsignedPdf("Cong van 88"), officer, TestSigning.SIGNED_AT);

        assertThat(check(pdf).signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo("Trần Thị Bình");
            assertThat(s.issuer()).isEqualTo("CA cấp dưới thử nghiệm");
            assertThat(s.trust()).isEqualTo(Trust.TRUSTED);
        });
    }

    @Test
    void aCertificateExpiredWhenSigningIsNotTrustedThoughTheFileIsIntact() throws IOException {
        TestSigning.ca().trustIn(trusted());
        TestSigning.Signer expired = TestSigning.ca()
                .issue("Lê Văn Cũ", null, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));

        byte[] pdf = TestSigning.sign(TestSigning.unsignedPdf("Ke hoach 7"), expired, TestSigning.SIGNED_AT);

        assertThat(check(pdf).signatures()).singleElement().satisfies(s -> {
            assertThat(s.organisation()).isNull();
            assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
            assertThat(s.trust()).isEqualTo(Trust.NOT_VALID_AT_SIGNING_TIME);
        });
    }

    @Test
    void changingTheSignedTextIsSeenAsContentChanged() throws IOException {
        TestSigning.ca().trustIn(trusted());
        byte[] signed = signedDecision();
        byte[] tampered = TestSigning.replace(signed, "so 125/QD", "so 725/QD");

        assertThat(check(signed).signatures().get(0).intact()).isTrue();
        assertThat(check(tampered).signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.CONTENT_CHANGED);
            assertThat(s.intact()).isFalse();
            assertThat(s.trust())
                    .as("the certificate itself is still the trusted one")
                    .isEqualTo(Trust.TRUSTED);
        });
    }

    @Test
    void bytesAppendedAfterSigningAreSeen() throws IOException {
        byte[] signed = signedDecision();
        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("%%appended\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 11);

        assertThat(check(appended).signatures())
                .singleElement()
                .extracting(PdfSignature::integrity)
                .isEqualTo(Integrity.CHANGED_AFTER_SIGNING);
    }

    @Test
    void anUnsignedIncrementalUpdateAfterSigningIsSeen() throws IOException {
        byte[] changed = TestSigning.retitled(signedDecision(), "Quyet dinh so 725/QD-BNV");

        assertThat(check(changed).signatures())
                .singleElement()
                .extracting(PdfSignature::integrity)
                .isEqualTo(Integrity.CHANGED_AFTER_SIGNING);
    }

    @Test
    void aSecondSignatureKeepsTheFirstIntactAndAChangeAfterBothBreaksBoth() throws IOException {
        TestSigning.ca().trustIn(trusted());
        TestSigning.Signer office = TestSigning.ca().issue("Văn thư Bộ Nội vụ", "Bộ Nội vụ");
        Instant later = TestSigning.SIGNED_AT.plusSeconds(3600);
        byte[] twice = TestSigning.sign(signedDecision(), office, later);

        assertThat(check(twice).signatures())
                .extracting(PdfSignature::signer, PdfSignature::signedAt, PdfSignature::integrity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Nguyễn Văn An", TestSigning.SIGNED_AT, Integrity.INTACT_SIGNED_AGAIN),
                        org.assertj.core.groups.Tuple.tuple("Văn thư Bộ Nội vụ", later, Integrity.INTACT));
        assertThat(check(TestSigning.retitled(twice, "Other")).signatures())
                .extracting(PdfSignature::integrity)
                .containsExactly(Integrity.CHANGED_AFTER_SIGNING, Integrity.CHANGED_AFTER_SIGNING);
    }

    @Test
    void anUnsignedPdfHasNoSignatures() throws IOException {
        SignatureCheck check = check(TestSigning.unsignedPdf("Bao cao"));

        assertThat(check.state()).isEqualTo(SignatureCheck.State.UNSIGNED);
        assertThat(check.signatures()).isEmpty();
        assertThat(check.allValid()).isFalse();
    }

    @Test
    void aFileThatIsNotAPdfOrIsMissingIsUnreadableNotAnException() throws IOException {
        assertThat(check("Xin chào, đây không phải PDF".getBytes(StandardCharsets.UTF_8))
                        .state())
                .isEqualTo(SignatureCheck.State.UNREADABLE);
        assertThat(check(new byte[0]).state()).isEqualTo(SignatureCheck.State.UNREADABLE);
        assertThat(signatures().check(temp.resolve("missing.pdf")).state()).isEqualTo(SignatureCheck.State.UNREADABLE);
    }

    @Test
    void aSignedFileCutShortIsNotIntact() throws IOException {
        byte[] signed = signedDecision();

        SignatureCheck check = check(Arrays.copyOf(signed, signed.length - 200));

        assertThat(check.allValid()).isFalse();
        assertThat(check.state()).isEqualTo(SignatureCheck.State.SIGNED);
        assertThat(check.signatures())
                .singleElement()
                .extracting(PdfSignature::integrity)
                .isEqualTo(Integrity.RANGE_INVALID);
    }

    @Test
    void aStreamIsCheckedLikeAFile() throws IOException {
        TestSigning.ca().trustIn(trusted());

        SignatureCheck check = signatures().checkStream(new ByteArrayInputStream(signedDecision()));

        assertThat(check.allValid()).isTrue();
        assertThat(signatures()
                        .checkStream(new ByteArrayInputStream(new byte[] {1, 2}))
                        .state())
                .isEqualTo(SignatureCheck.State.UNREADABLE);
    }

    @Test
    void aRootAddedToTheFolderCountsAtTheNextCheckDespiteTheCache() throws IOException {
        PdfSignatures signatures = signatures();
        Path file = Files.write(temp.resolve("signed.pdf"), signedDecision());
        assertThat(signatures.check(file).signatures().get(0).trust()).isEqualTo(Trust.NO_TRUSTED_ROOTS);

        TestSigning.ca().trustIn(trusted());

        assertThat(signatures.check(file).signatures().get(0).trust()).isEqualTo(Trust.TRUSTED);
        assertThat(signatures.check(file)).isSameAs(signatures.check(file));
    }

    @Test
    void aFileNotACertificateInTheTrustedFolderIsIgnored() throws IOException {
        Files.createDirectories(trusted());
        Files.writeString(trusted().resolve("readme.crt"), "not a certificate");
        TestSigning.ca().trustIn(trusted());

        assertThat(check(signedDecision()).signatures().get(0).trust()).isEqualTo(Trust.TRUSTED);
    }

    @Test
    void aTwentyMegabyteSignedFileIsCheckedOnceAndThenComesFromTheCache() throws IOException {
        TestSigning.ca().trustIn(trusted());
        byte[] big = TestSigning.sign(
                TestSigning.pdf("Quyet dinh kem phu luc", 20 * 1024 * 1024 - 100_000),
                TestSigning.signer(),
                TestSigning.SIGNED_AT);
        Path file = Files.write(temp.resolve("big.pdf"), big);
        PdfSignatures signatures = signatures();

        long start = System.nanoTime();
        SignatureCheck first = signatures.check(file);
        long checked = System.nanoTime() - start;
        start = System.nanoTime();
        SignatureCheck again = signatures.check(file);
        long cached = System.nanoTime() - start;

        System.out.printf(
                "Signature check of a %.1f MB signed PDF: %d ms, from the cache: %d ms%n",
                big.length / 1048576.0, checked / 1_000_000, cached / 1_000_000);
        assertThat(big.length).isGreaterThan(19 * 1024 * 1024);
        assertThat(first.allValid()).isTrue();
        assertThat(again).isSameAs(first);
    }

    @Test
    void aSignatureMadeWithAnotherKeyThanItsCertificateIsInvalid() throws IOException {
        TestSigning.ca().trustIn(trusted());
        TestSigning.Signer impostor = TestSigning.ca().issue("Kẻ mạo danh", null);
        TestSigning.Signer forged = new TestSigning.Signer(
                TestSigning.signer().certificate(),
                impostor.key(),
                TestSigning.signer().intermediates());

        byte[] pdf = TestSigning.sign(TestSigning.unsignedPdf("Quyet dinh gia"), forged, TestSigning.SIGNED_AT);

        assertThat(check(pdf).signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
            assertThat(s.integrity()).isEqualTo(Integrity.SIGNATURE_INVALID);
            assertThat(s.intact()).isFalse();
        });
    }

    @Test
    void aKindOfSignatureNotCheckedIsNeverCalledIntact() throws IOException {
        byte[] pdf = TestSigning.sign(
                TestSigning.unsignedPdf("Dau thoi gian"),
                TestSigning.signer(),
                TestSigning.SIGNED_AT,
                org.apache.pdfbox.cos.COSName.getPDFName("ETSI.RFC3161"));

        assertThat(check(pdf).signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.NOT_SUPPORTED);
            assertThat(s.trust()).isEqualTo(Trust.NOT_CHECKED);
        });
    }
}
