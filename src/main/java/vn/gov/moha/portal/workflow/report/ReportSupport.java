package vn.gov.moha.portal.workflow.report;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;

/**
 * What the report, approval and evidence services share: a report looked up with the access check, a
 * refusal written to the log, the chain a report travels and the "waiting for you" event. Called only
 * from those guarded services, inside their transactions.
 */
@Component
class ReportSupport {

    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ApplicationEventPublisher events;

    ReportSupport(
            ReportRepository reports,
            DecisionRepository decisions,
            AssignmentAccess access,
            CurrentUser currentUser,
            EventLog log,
            ApplicationEventPublisher events) {
        this.reports = reports;
        this.decisions = decisions;
        this.access = access;
        this.currentUser = currentUser;
        this.log = log;
        this.events = events;
    }

    /** The report, if the caller may see its assignment; a refused look is recorded. */
    Optional<ProgressReport> find(Long id) {
        Optional<ProgressReport> found = id == null ? Optional.empty() : reports.findWithDetails(id);
        if (found.isPresent()
                && !access.canSee(currentUser.require(), found.get().getAssignment())) {
            log.recordRefusal("REPORT", id, found.get().getAssignment().getId(), "report.error.notFound");
            return Optional.empty();
        }
        return found;
    }

    ProgressReport require(Long id) {
        return find(id).orElseThrow(() -> InvalidInputException.of("report", "report.error.notFound"));
    }

    /** Records that the caller was refused an action on a report they may see, and returns the refusal. */
    InvalidInputException refused(ProgressReport report, String field, String key) {
        log.recordRefusal("REPORT", report.getId(), report.getAssignment().getId(), key);
        return InvalidInputException.of(field, key);
    }

    static ApprovalStep.Chain chainFor(ProgressReport report) {
        return report.getUnit().getKind() == UnitKind.PROVINCE
                ? ApprovalStep.Chain.PROVINCE
                : ApprovalStep.Chain.DEPARTMENT;
    }

    /** Tells who may decide the step the report now waits at (its reach as in ApprovalService.decisionProblem). */
    void publishWaiting(ProgressReport report, List<ApprovalStep> chain) {
        ApprovalStep step = chain.get(report.getCurrentStep() - 1);
        Long unitId = switch (step.scope()) {
            case OWN_UNIT -> report.getUnit().getId();
            case TASK_DEPARTMENT ->
                report.getAssignment().getTask().getLeadUnit().getId();
            case MINISTRY -> null;
        };
        Set<Long> not = new HashSet<>();
        if (report.getSubmittedBy() != null) {
            not.add(report.getSubmittedBy().getId());
        }
        decisions.findByReport(report.getId()).stream()
                .filter(d -> d.getRound() == report.getRound())
                .forEach(d -> not.add(d.getDecidedBy().getId()));
        events.publishEvent(new WorkflowEvents.ReportWaiting(
                report.getId(),
                WorkflowEvents.About.of(report.getAssignment()),
                report.getRound(),
                step.stepOrder(),
                step.role(),
                unitId,
                Set.copyOf(not)));
    }
}
