package vn.gov.moha.portal.workflow.report;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
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

    public static final long MAX_FILE_BYTES = FileStore.MAX_FILE_BYTES;

    private final ReportSupport support;
    private final EvidenceRepository files;
    private final FileStore store;
    private final AssignmentService assignments;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;

    EvidenceService(
            ReportSupport support,
            EvidenceRepository files,
            FileStore store,
            AssignmentService assignments,
            AssignmentAccess access,
            CurrentUser currentUser,
            EventLog log) {
        this.support = support;
        this.files = files;
        this.store = store;
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
        FileStore.Stored kept = store.store("file", fileName, content, FileTypes.EVIDENCE, "file.error.type");
        EvidenceFile file = files.save(new EvidenceFile(report, kept, assignments.me(me)));
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
    public FileStore.Download download(Long fileId) {
        EvidenceFile file = visibleFile(fileId);
        return store.download(file.getFile());
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
}
