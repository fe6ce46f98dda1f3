package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.TestUploads;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceFile;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Evidence files as an officer and an attacker meet them: a file of up to 20 MB goes through a stream,
 * never whole into memory, and comes back the same; each refused file says its own reason, in the
 * service and under the upload; a name with a path keeps only its base name, in the list and in the
 * download's Content-Disposition.
 */
@PortalTest
class EvidenceFilesTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvidenceService evidence;

    @Value("${portal.files.dir}")
    String filesDir;

    @Test
    void eachRefusedFileSaysItsOwnReasonAndNothingIsKept() throws IOException {
        ProgressReport draft = draft();
        long filesBefore = storedFiles();
        assertRefused(draft, "bao-cao.exe", PDF, "file.error.type");
        assertRefused(draft, "bao-cao", PDF, "file.error.type");
        assertRefused(draft, "bao-cao.pdf", "<html>not a pdf</html>".getBytes(), "file.error.content", "PDF");
        assertRefused(draft, "bang-so-lieu.xlsx", PDF, "file.error.content", "XLSX");
        assertRefused(draft, "rong.pdf", new byte[0], "file.error.empty");
        assertRefused(draft, "chuong\u0007.pdf", PDF, "file.error.name");
        assertRefused(draft, "hoa-don\u202Efdp.exe.pdf", PDF, "file.error.name");
        assertRefused(draft, "x".repeat(252) + ".pdf", PDF, "file.error.nameTooLong", 255);
        assertThatThrownBy(
                        () -> evidence.addEvidence(draft.getId(), "lon.pdf", pdfOf(EvidenceService.MAX_FILE_BYTES + 1)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems())
                .isEqualTo(List.of(new InvalidInputException.Problem("file", "file.error.tooLarge")));
        assertThat(evidence.evidence(draft.getId())).isEmpty();
        assertThat(storedFiles()).as("files in portal.files.dir").isEqualTo(filesBefore);
        logout();
    }

    @Test
    void aFileOfExactly20MegabytesIsStoredThroughAStreamAndComesBackTheSame() throws Exception {
        ProgressReport draft = draft();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        EvidenceFile file = evidence.addEvidence(
                draft.getId(),
                "bao-cao-day-du.pdf",
                new DigestInputStream(pdfOf(EvidenceService.MAX_FILE_BYTES), sent));
        String sha = HexFormat.of().formatHex(sent.digest());
        assertThat(jdbc.queryForMap(
                        "select size_bytes, sha256, content_type from evidence_file where id = ?", file.getId()))
                .containsEntry("size_bytes", EvidenceService.MAX_FILE_BYTES)
                .containsEntry("sha256", sha)
                .containsEntry("content_type", "application/pdf");
        FileStore.Download d = evidence.download(file.getId());
        assertThat(d.size()).isEqualTo(EvidenceService.MAX_FILE_BYTES);
        MessageDigest back = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(d.content(), back)) {
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(EvidenceService.MAX_FILE_BYTES);
        }
        assertThat(HexFormat.of().formatHex(back.digest())).isEqualTo(sha);
        logout();
    }

    @Test
    void aNameWithAPathKeepsOnlyItsBaseNameInTheListAndInTheDownloadHeader() throws Exception {
        ProgressReport draft = draft();
        evidence.addEvidence(draft.getId(), "..\\..\\Windows\\win.ini.pdf", new ByteArrayInputStream(PDF));
        evidence.addEvidence(draft.getId(), "C:\\fakepath\\bao \"cao\".pdf", new ByteArrayInputStream(PDF));
        navigate("reports/" + draft.getId());
        TestUploads.upload(_get(ReportView.class).upload, "../../etc/passwd.pdf", "application/pdf", PDF);

        assertThat(jdbc.queryForList("select original_name from evidence_file order by id", String.class))
                .containsExactly("win.ini.pdf", "bao \"cao\".pdf", "passwd.pdf");
        List<Anchor> links = _find(Anchor.class, a -> a.withClasses("evidence-link"));
        assertThat(links).extracting(Anchor::getText).containsExactly("win.ini.pdf", "bao \"cao\".pdf", "passwd.pdf");
        assertThat(contentDisposition(links.get(2))).isEqualTo("attachment; filename=\"passwd.pdf\"");
        assertThat(contentDisposition(links.get(0))).isEqualTo("attachment; filename=\"win.ini.pdf\"");
        // a quote would end the quoted name early (and let the rest pose as a second filename parameter)
        assertThat(contentDisposition(links.get(1))).isEqualTo("attachment; filename=\"bao 'cao'.pdf\"");
        logout();
    }

    @Test
    void underTheUploadEachRefusalSaysItsOwnReason() {
        ProgressReport draft = draft();
        navigate("reports/" + draft.getId());
        ReportView view = _get(ReportView.class);
        assertThat(view.upload.getMaxFileSize()).isEqualTo(20 * 1024 * 1024);
        assertThat(view.upload.getAcceptedFileTypes())
                .containsExactlyInAnyOrder(".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg");

        // the browser refuses a file over 20 MB before sending it, with the upload's own "too big" text
        String tooBig = view.upload.getI18n().getError().getFileIsTooBig();
        ComponentUtil.fireEvent(view.upload, new FileRejectedEvent(view.upload, tooBig, "bien-ban-19-trang.pdf"));
        assertThat(uploadError()).isEqualTo("Không nhận tệp “bien-ban-19-trang.pdf”: Tệp lớn hơn 20 MB");
        String wrongType = view.upload.getI18n().getError().getIncorrectFileType();
        ComponentUtil.fireEvent(view.upload, new FileRejectedEvent(view.upload, wrongType, "cai-dat.exe"));
        assertThat(uploadError()).isEqualTo("Không nhận tệp “cai-dat.exe”: Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG");

        // what gets past the browser is refused by the service, with its reason under the upload
        TestUploads.upload(view.upload, "bao-cao.pdf", "application/pdf", "<html>not a pdf</html>".getBytes());
        assertThat(uploadError())
                .isEqualTo("Không nhận tệp “bao-cao.pdf”: Nội dung tệp không phải PDF như tên tệp "
                        + "ghi: tệp bị hỏng hoặc đã bị đổi đuôi");
        TestUploads.upload(view.upload, "rong.docx", "application/octet-stream", new byte[0]);
        assertThat(uploadError()).isEqualTo("Không nhận tệp “rong.docx”: Tệp rỗng");
        assertThat(_get(Paragraph.class, p -> p.withText("Chưa có tài liệu minh chứng")))
                .isNotNull();
        logout();
    }

    // --- helpers ------------------------------------------------------------------------------

    /** lamdong.cv's draft report on task 3; lamdong.cv stays logged in. */
    private ProgressReport draft() {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        UI.getCurrent().getPage().reload();
        return reports.save(new ReportDraft(null, a.getId(), 0, 10, Confidence.ON_TRACK, "Nháp", Map.of()));
    }

    private void assertRefused(ProgressReport draft, String name, byte[] content, String key, Object... args) {
        assertThatThrownBy(() -> evidence.addEvidence(draft.getId(), name, new ByteArrayInputStream(content)))
                .as(name)
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems())
                .isEqualTo(List.of(new InvalidInputException.Problem("file", key, List.of(args))));
    }

    /** A stream of that many bytes that starts like a PDF, made as it is read (nothing that size in memory). */
    private static InputStream pdfOf(long size) {
        return new SequenceInputStream(new ByteArrayInputStream(PDF), new InputStream() {
            long left = size - PDF.length;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        });
    }

    private long storedFiles() throws IOException {
        Path dir = Path.of(filesDir);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static String uploadError() {
        return _get(Paragraph.class, p -> p.withClasses("upload-error")).getText();
    }

    /** The Content-Disposition header the link's download answers with, as the servlet container would send it. */
    private static String contentDisposition(Anchor link) throws Exception {
        VaadinSession session = VaadinSession.getCurrent();
        var resource = (StreamResourceRegistry.ElementStreamResource) session.getResourceRegistry()
                .getResource(new URI(link.getHref()))
                .orElseThrow();
        VaadinServletService service = (VaadinServletService) session.getService();
        FakeResponse response = new FakeResponse();
        FakeRequest request = new FakeRequest(((WrappedHttpSession) session.getSession()).getHttpSession());
        resource.getElementRequestHandler()
                .handleRequest(
                        new VaadinServletRequest(request, service),
                        new VaadinServletResponse(response, service),
                        session,
                        resource.getOwner());
        return response.getHeader("Content-Disposition");
    }
}
