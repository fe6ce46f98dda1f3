package vn.gov.moha.portal.document;

import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.signature.PdfSignatures;
import vn.gov.moha.portal.signature.SignatureCheck;
import vn.gov.moha.portal.user.AppUser;

/**
 * Records official documents with their signed PDF, for the workflow services that cite them (assigning a task,
 * an extension request, a completion report), inside their transaction: a refused or failed save leaves neither
 * the document's row nor its file. Reading a document's file is for those services too, after their own access
 * check: this package does not know who may see what cites a document.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class DocumentService {

    public static final int MAX_NUMBER = 50;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_NAME = 255;
    /** No document of the Vietnamese state is older than its founding (2/9/1945); an earlier date is a typing slip. */
    static final LocalDate EARLIEST = LocalDate.of(1945, 9, 2);

    /**
     * Số/ký hiệu as Decree 30/2020/NĐ-CP writes it: the number (1 to 5 digits, "01" too), optionally the year
     * (legal documents: {@code 30/2020/NĐ-CP}), then "/" and the symbol: groups of capital letters (Đ included)
     * and digits, each starting with a letter, joined by "-": {@code 125/QĐ-BNV}, {@code 01/KH-BNV},
     * {@code 3456/BNV-CCVC}, {@code 202/2025/QH15}. Checked after trimming and upper-casing, so
     * {@code 125/qđ-bnv} is taken as {@code 125/QĐ-BNV}. Party documents ({@code 27-NQ/TW}) are not state
     * documents and do not match.
     */
    public static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}(/[0-9]{4})?/[A-ZĐ][A-ZĐ0-9]*(-[A-ZĐ][A-ZĐ0-9]*)*");

    private final DocumentRepository documents;
    private final FileStore store;
    private final PdfSignatures signatures;
    private final CurrentUser currentUser;
    private final EntityManager em;

    DocumentService(
            DocumentRepository documents,
            FileStore store,
            PdfSignatures signatures,
            CurrentUser currentUser,
            EntityManager em) {
        this.documents = documents;
        this.signatures = signatures;
        this.store = store;
        this.currentUser = currentUser;
        this.em = em;
    }

    /**
     * Adds the draft's broken rules to {@code problems}, each on its field ({@code docNumber}, {@code docIssuedOn},
     * {@code docSummary}, {@code docIssuer}, {@code docSigner}, {@code docFile}), so that a form shows them with its
     * other fields' at once. The file's content is checked when it is {@link #record recorded}.
     */
    public void check(DocumentDraft d, Problems problems) {
        if (d.number() == null || d.number().isBlank()) {
            problems.add("docNumber", "error.required");
        } else if (normalNumber(d.number()).length() > MAX_NUMBER) {
            problems.add("docNumber", "error.tooLong", MAX_NUMBER);
        } else if (!NUMBER.matcher(normalNumber(d.number())).matches()) {
            problems.add("docNumber", "document.error.number");
        }
        if (d.issuedOn() == null) {
            problems.add("docIssuedOn", "error.required");
        } else if (d.issuedOn().isAfter(LocalDate.now(Formats.VIETNAM))) {
            problems.add("docIssuedOn", "document.error.future");
        } else if (d.issuedOn().isBefore(EARLIEST)) {
            problems.add("docIssuedOn", "document.error.tooOld");
        }
        problems.requireLines("docSummary", d.summary(), MAX_SUMMARY)
                .requireText("docIssuer", d.issuer(), MAX_NAME)
                .requireText("docSigner", d.signer(), MAX_NAME);
        if (d.fileName() == null || d.content() == null) {
            problems.add("docFile", "document.error.fileRequired");
        } else if (!FileTypes.byName(FileStore.baseName(d.fileName()))
                .map(FileTypes.PDF::equals)
                .orElse(false)) {
            problems.add("docFile", "document.error.pdf");
        }
    }

    /**
     * Records the document and keeps its file, in the caller's transaction (there must be one: the document is
     * saved with what cites it, or not at all). Refuses what {@link #check} refuses, and a file that is empty,
     * over 20 MB or not a PDF by its content.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OfficialDocument record(DocumentDraft d) {
        Problems problems = new Problems();
        check(d, problems);
        problems.throwIfAny();
        FileStore.Stored file =
                store.store("docFile", d.fileName(), d.content(), FileTypes.PDF_ONLY, "document.error.pdf");
        AppUser by = em.getReference(AppUser.class, currentUser.require().id());
        return documents.save(new OfficialDocument(
                normalNumber(d.number()),
                d.issuedOn(),
                d.summary().strip(),
                d.issuer().strip(),
                d.signer().strip(),
                file,
                by));
    }

    /**
     * The document's signed file as a download. Only for a document the caller reached through a service that
     * checked they may see what cites it (AssignmentService.documentFile, ...): this one cannot tell.
     */
    public FileStore.Download fileOf(OfficialDocument d) {
        return store.download(d.getFile());
    }

    /**
     * The digital signatures of the document's signed PDF: who signed, when, intact or not, trusted or not (checked
     * once per file, see PdfSignatures). As {@link #fileOf}, only for a document the caller may see.
     */
    public SignatureCheck signaturesOf(OfficialDocument d) {
        return signatures.check(store.path(d.getFile()));
    }

    /**
     * The number as stored: trimmed, composed (NFC), upper case; "Ð" (U+00D0, which some keyboards type and looks
     * the same) becomes "Đ" (U+0110).
     */
    static String normalNumber(@Nullable String number) {
        return number == null
                ? ""
                : Normalizer.normalize(number.strip(), Normalizer.Form.NFC)
                        .toUpperCase(Locale.ROOT)
                        .replace('\u00D0', '\u0110');
    }
}
