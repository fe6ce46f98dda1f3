package vn.gov.moha.portal.workflow.report;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;

/** Evidence files of a report: the lead unit's officer adds and removes them while the report is editable. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EvidenceService {

    public static final long MAX_FILE_BYTES = CheckedUploads.MAX_FILE_BYTES;
    public static final int MAX_FILE_NAME = CheckedUploads.MAX_FILE_NAME;

    private final ReportSupport support;
    private final EvidenceRepository files;
    private final EvidenceStore store;
    private final CheckedUploads uploads;
    private final AssignmentService assignments;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;

    EvidenceService(
            ReportSupport support,
            EvidenceRepository files,
            EvidenceStore store,
            CheckedUploads uploads,
            AssignmentService assignments,
            AssignmentAccess access,
            CurrentUser currentUser,
            EventLog log) {
        this.support = support;
        this.files = files;
        this.store = store;
        this.uploads = uploads;
        this.assignments = assignments;
        this.access = access;
        this.currentUser = currentUser;
        this.log = log;
    }

    public List<EvidenceFile> evidence(Long reportId) {
        support.require(reportId);
        return files.findByReport(reportId);
    }

    /**
     * Adds an evidence file, read from the stream into a temporary file (never whole into memory). Each
     * refusal names its own reason: characters a file name may not hold or a name over 255 characters, a
     * type we do not take (by the name's extension), an empty file, one over 20 MB, or content that is not
     * the type its name says. Only the base name is kept ({@code ../../etc/passwd.pdf} becomes
     * {@code passwd.pdf}); the file on disk has a generated name.
     */
    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public EvidenceFile addEvidence(Long reportId, String fileName, InputStream content) {
        PortalUser me = currentUser.require();
        ProgressReport report = support.require(reportId);
        if (!access.reportsFor(me, report.getAssignment())) {
            throw support.refused(report, "file", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("file", "report.error.notEditable");
        }
        CheckedUploads.Kept kept = uploads.keep(fileName, content);
        EvidenceFile file = files.save(new EvidenceFile(
                report,
                kept.name(),
                kept.storedName(),
                kept.contentType(),
                kept.size(),
                kept.sha256(),
                assignments.me(me)));
        log.record(
                "FILE_ADD",
                "FILE",
                file.getId(),
                report.getAssignment().getId(),
                null,
                kept.name() + " (" + kept.contentType() + ", " + kept.size() + " bytes)");
        return file;
    }

    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public void removeEvidence(Long fileId) {
        PortalUser me = currentUser.require();
        EvidenceFile file = visibleFile(fileId);
        ProgressReport report = file.getReport();
        if (!access.reportsFor(me, report.getAssignment())) {
            throw support.refused(report, "file", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("file", "report.error.notEditable");
        }
        file.remove();
        log.record("FILE_REMOVE", "FILE", file.getId(), report.getAssignment().getId(), file.getOriginalName(), null);
    }

    /** A file's name, type and bytes, for whoever may see its assignment; a refused look is recorded. */
    public Download download(Long fileId) {
        EvidenceFile file = visibleFile(fileId);
        // the name goes into Content-Disposition as filename="...": a quote in it would end the value there
        return new Download(
                file.getOriginalName().replace('"', '\''),
                file.getContentType(),
                file.getSizeBytes(),
                store.open(file.getStoredName()));
    }

    /** The file, if the caller may see its assignment; a missing or refused one fails the same way. */
    private EvidenceFile visibleFile(Long fileId) {
        EvidenceFile file = (fileId == null ? Optional.<EvidenceFile>empty() : files.findWithDetails(fileId))
                .orElseThrow(() -> InvalidInputException.of("file", "file.error.notFound"));
        if (!access.canSee(currentUser.require(), file.getReport().getAssignment())) {
            log.recordRefusal("FILE", fileId, file.getReport().getAssignment().getId(), "file.error.notFound");
            throw InvalidInputException.of("file", "file.error.notFound");
        }
        return file;
    }

    /** A file ready to send to the browser: its name for the download, its type, size and bytes as a stream. */
    public record Download(String name, String contentType, long size, InputStream content) {}
}
