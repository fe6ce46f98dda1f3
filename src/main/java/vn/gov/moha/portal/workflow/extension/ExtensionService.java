package vn.gov.moha.portal.workflow.extension;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;

/**
 * Extension requests (gia hạn), by the rules of issue 17: the lead unit asks up to and including the deadline day
 * (after it, refused); the leader in charge of the assignment decides ({@link Assignment#leaderInCharge}, any
 * LEADER only when it has none), and only they see the request among their work and are notified of it; a
 * refusal needs a reason; granted or refused, the decision stays in the deadline history.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ExtensionService {

    /** The reason also becomes the reason of the deadline change it grants (deadline_change.reason). */
    public static final int MAX_REASON = 1000;

    public static final int MAX_COMMENT = 2000;

    private final ExtensionRepository requests;
    private final AssignmentService assignments;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ApplicationEventPublisher events;
    private final DocumentService documents;

    ExtensionService(
            ExtensionRepository requests,
            AssignmentService assignments,
            AssignmentAccess access,
            CurrentUser currentUser,
            EventLog log,
            ApplicationEventPublisher events,
            DocumentService documents) {
        this.events = events;
        this.documents = documents;
        this.requests = requests;
        this.assignments = assignments;
        this.access = access;
        this.currentUser = currentUser;
        this.log = log;
    }

    public List<ExtensionRequest> requestsOf(Long assignmentId) {
        return requestsFor(assignments.require(assignmentId));
    }

    /** The requests of an assignment the caller got from {@link AssignmentService#find} (checked there). */
    @PreAuthorize("isAuthenticated()")
    public List<ExtensionRequest> requestsFor(Assignment a) {
        return requests.findByAssignment(a.getId());
    }

    /**
     * Whether the caller's unit may ask to extend this assignment: it leads it, the assignment has a deadline, is not
     * completed, and has no request waiting. Past the deadline this stays true so that the person can open the
     * form and read why not ({@link #pastDeadline}); {@link #request} refuses.
     */
    public boolean canRequest(Assignment a) {
        return a.getDeadline() != null
                && a.getCompletedOn() == null
                && access.leads(currentUser.require(), a)
                && !requests.existsByAssignmentIdAndStatus(a.getId(), ExtensionRequest.Status.PENDING);
    }

    /** Whether the assignment's deadline has passed (Vietnam's today): no extension may be asked any more. */
    public static boolean pastDeadline(Assignment a, LocalDate today) {
        return a.getDeadline() != null && today.isAfter(a.getDeadline());
    }

    @PreAuthorize("hasAnyRole('UNIT_OFFICER', 'UNIT_HEAD')")
    @Transactional
    public ExtensionRequest request(Long assignmentId, LocalDate newDeadline, String reason) {
        return requestCiting(assignmentId, newDeadline, reason, null);
    }

    /**
     * A request for a later deadline, optionally citing a document (all its fields and its PDF, checked as when
     * assigning; left out when nothing of it is given); the request and the document are saved together or not at all.
     */
    @PreAuthorize("hasAnyRole('UNIT_OFFICER', 'UNIT_HEAD')")
    @Transactional
    public ExtensionRequest requestCiting(
            Long assignmentId, LocalDate newDeadline, String reason, @Nullable DocumentDraft document) {
        PortalUser me = currentUser.require();
        Assignment a = assignments.require(assignmentId);
        if (!access.leads(me, a)) {
            throw assignments.refused(a, "deadline", "extension.error.notLeadUnit");
        }
        Problems problems = new Problems();
        if (a.getDeadline() == null) {
            problems.add("deadline", "extension.error.ongoing");
        } else if (a.getCompletedOn() != null) {
            problems.add("deadline", "assignment.error.completed");
        } else if (pastDeadline(a, LocalDate.now())) {
            problems.add("deadline", "extension.error.pastDeadline", Formats.date(a.getDeadline()));
        } else if (newDeadline == null) {
            problems.add("deadline", "error.required");
        } else if (!newDeadline.isAfter(a.getDeadline())) {
            problems.add("deadline", "extension.error.notLater");
        }
        if (requests.existsByAssignmentIdAndStatus(a.getId(), ExtensionRequest.Status.PENDING)) {
            problems.add("deadline", "extension.error.pending");
        }
        problems.requireLines("reason", reason, MAX_REASON);
        boolean cites = document != null && !document.isEmpty();
        if (cites) {
            documents.check(document, problems);
        }
        problems.throwIfAny();
        ExtensionRequest request = new ExtensionRequest(a, newDeadline, reason.strip(), assignments.me(me));
        if (cites) {
            request.setDocument(documents.record(document));
        }
        ExtensionRequest saved = requests.save(request);
        log.record(
                "EXTENSION_ASK",
                "EXTENSION",
                saved.getId(),
                a.getId(),
                "deadline=" + a.getDeadline(),
                "deadline=" + newDeadline + "; reason=" + reason.strip()
                        + (saved.getDocument() == null
                                ? ""
                                : "; document=" + saved.getDocument().getNumber()));
        AppUser inCharge = a.leaderInCharge();
        events.publishEvent(new WorkflowEvents.ExtensionWaiting(
                saved.getId(), WorkflowEvents.About.of(a), inCharge == null ? null : inCharge.getId(), me.id()));
        return saved;
    }

    /** The file of the document a request cites, for whoever may see its assignment; refused looks fail as missing. */
    public FileStore.Download documentFile(Long requestId) {
        ExtensionRequest request = (requestId == null
                        ? Optional.<ExtensionRequest>empty()
                        : requests.findWithDetails(requestId))
                .orElseThrow(() -> InvalidInputException.of("docFile", "file.error.notFound"));
        assignments.require(request.getAssignment().getId());
        if (request.getDocument() == null) {
            throw InvalidInputException.of("docFile", "file.error.notFound");
        }
        return documents.fileOf(request.getDocument());
    }

    public boolean canDecide(ExtensionRequest request) {
        PortalUser me = currentUser.require();
        return request.getStatus() == ExtensionRequest.Status.PENDING
                && !request.getRequestedBy().getId().equals(me.id())
                && inCharge(me, request.getAssignment());
    }

    /**
     * Whether the person decides the assignment's extensions: a LEADER who is its leader in charge, or any LEADER
     * when it has none.
     */
    static boolean inCharge(PortalUser me, Assignment a) {
        AppUser leader = a.leaderInCharge();
        return me.has(Role.LEADER) && (leader == null || leader.getId().equals(me.id()));
    }

    /** The requests waiting for the caller's decision: of the assignments in their charge, asked by someone else. */
    @PreAuthorize("hasRole('LEADER')")
    public List<ExtensionRequest> pendingForMe() {
        return requests.findPendingFor(currentUser.require().id());
    }

    /** How many {@link #pendingForMe} there are, no entity loaded. */
    @PreAuthorize("hasRole('LEADER')")
    public long countPendingForMe() {
        return requests.countPendingFor(currentUser.require().id());
    }

    /**
     * The decision of the leader in charge; an approval moves the deadline and keeps the old one in the deadline
     * history, a refusal needs a reason. Both stay in the history with who decided and when.
     */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public ExtensionRequest decide(Long requestId, long version, boolean approve, String comment) {
        PortalUser me = currentUser.require();
        ExtensionRequest request = requests.findWithDetails(requestId)
                .orElseThrow(() -> InvalidInputException.of("decision", "extension.error.notFound"));
        Problems problems = new Problems();
        if (request.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
        if (request.getStatus() != ExtensionRequest.Status.PENDING) {
            problems.add("decision", "extension.error.decided");
        }
        if (request.getRequestedBy().getId().equals(me.id())) {
            log.recordRefusal(
                    "EXTENSION", request.getId(), request.getAssignment().getId(), "report.error.ownReport");
            problems.add("decision", "report.error.ownReport");
        }
        if (!inCharge(me, request.getAssignment())) {
            log.recordRefusal(
                    "EXTENSION", request.getId(), request.getAssignment().getId(), "extension.error.notInCharge");
            AppUser leader = request.getAssignment().leaderInCharge();
            problems.add("decision", "extension.error.notInCharge", leader == null ? "" : leader.getFullName());
        }
        if (!approve) {
            problems.requireLines("comment", comment, MAX_COMMENT);
        } else {
            problems.optionalLines("comment", comment, MAX_COMMENT);
        }
        problems.throwIfAny();
        Assignment a = request.getAssignment();
        request.decide(approve, Problems.clean(comment), assignments.me(me));
        LocalDate old = a.getDeadline();
        if (approve) {
            assignments.extendDeadline(
                    a, request.getRequestedDeadline(), request.getReason(), assignments.me(me), request.getId());
        }
        requests.saveAndFlush(request);
        log.record(
                approve ? "EXTENSION_APPROVE" : "EXTENSION_REJECT",
                "EXTENSION",
                request.getId(),
                a.getId(),
                "deadline=" + old,
                "deadline=" + a.getDeadline() + (comment == null ? "" : "; comment=" + comment));
        events.publishEvent(new WorkflowEvents.ExtensionDecided(
                request.getId(), WorkflowEvents.About.of(a), a.getLeadUnit().getId(), approve, me.id()));
        return request;
    }
}
