package vn.gov.moha.portal.workflow.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;
import vn.gov.moha.portal.workflow.period.ReportedMonths;

/**
 * Approval decisions: a submitted report travels along its chain (data in {@code approval_step}, edited in
 * {@link ApprovalChainService}) until a leader accepts it or someone returns it. The database backs the
 * four-eyes rules.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ApprovalService {

    /** An approval's comment, or a return's reason. */
    public static final int MAX_COMMENT = 2000;
    /** Decision refusals because of who the caller is (not of the report's state): written to the log. */
    private static final Set<String> IDENTITY_PROBLEMS =
            Set.of("report.error.notYourStep", "report.error.ownReport", "report.error.alreadyDecided");

    private final ReportSupport support;
    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final ApprovalStepRepository steps;
    private final AssignmentService assignments;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ApplicationEventPublisher events;
    private final ReportedMonths reportedMonths;

    ApprovalService(
            ReportSupport support,
            ReportRepository reports,
            DecisionRepository decisions,
            ApprovalStepRepository steps,
            AssignmentService assignments,
            CurrentUser currentUser,
            EventLog log,
            ApplicationEventPublisher events,
            ReportedMonths reportedMonths) {
        this.support = support;
        this.reports = reports;
        this.decisions = decisions;
        this.steps = steps;
        this.assignments = assignments;
        this.currentUser = currentUser;
        this.log = log;
        this.events = events;
        this.reportedMonths = reportedMonths;
    }

    public List<ApprovalDecision> trail(Long reportId) {
        support.require(reportId);
        return decisions.findByReport(reportId);
    }

    /** The steps of the chain this report travels, in order. */
    public List<ApprovalStep> chainOf(ProgressReport report) {
        return steps.findChain(ReportSupport.chainFor(report));
    }

    /** Whether the caller may decide the step the report waits at now. */
    public boolean canDecide(ProgressReport report) {
        return decisionProblem(currentUser.require(), report) == null;
    }

    /**
     * Approves the current step; the last step accepts the report, and 100 % completes the assignment on the day
     * the unit sent the round now accepted ({@link #completedOn}).
     */
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'MANAGER', 'LEADER')")
    @Transactional
    public ProgressReport approve(Long reportId, long version, String comment) {
        new Problems().optionalLines("reason", comment, MAX_COMMENT).throwIfAny();
        return decide(reportId, version, ApprovalDecision.Kind.APPROVED, Problems.clean(comment));
    }

    /** Returns the report to the lead unit with a reason; the officer fixes and submits again. */
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'MANAGER', 'LEADER')")
    @Transactional
    public ProgressReport returnReport(Long reportId, long version, String reason) {
        Problems problems = new Problems().requireLines("reason", reason, MAX_COMMENT);
        problems.throwIfAny();
        return decide(reportId, version, ApprovalDecision.Kind.RETURNED, reason.strip());
    }

    private ProgressReport decide(Long reportId, long version, ApprovalDecision.Kind kind, String comment) {
        PortalUser me = currentUser.require();
        ProgressReport report = support.require(reportId);
        if (report.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
        String problem = decisionProblem(me, report);
        if (problem != null) {
            throw IDENTITY_PROBLEMS.contains(problem)
                    ? support.refused(report, "decision", problem)
                    : InvalidInputException.of("decision", problem);
        }
        List<ApprovalStep> chain = steps.findChain(ReportSupport.chainFor(report));
        ApprovalStep step = chain.get(report.getCurrentStep() - 1);
        try {
            decisions.saveAndFlush(new ApprovalDecision(report, step.role(), kind, comment, assignments.me(me)));
        } catch (DataIntegrityViolationException e) {
            // someone decided this step a moment ago: the database keeps one decision per step
            throw InvalidInputException.of("version", "error.stale");
        }
        Assignment a = report.getAssignment();
        String action;
        if (kind == ApprovalDecision.Kind.RETURNED) {
            report.setStatus(ReportStatus.RETURNED);
            report.setCurrentStep(0);
            action = "REPORT_RETURN";
        } else if (report.getCurrentStep() < chain.size()) {
            report.setCurrentStep(report.getCurrentStep() + 1);
            action = "REPORT_APPROVE_STEP";
        } else {
            report.setStatus(ReportStatus.APPROVED);
            report.setCurrentStep(0);
            a.setPercentComplete(report.getPercentComplete());
            if (report.getPercentComplete() == 100) {
                a.setCompletedOn(completedOn(report));
            }
            action = "REPORT_ACCEPT";
        }
        try {
            reports.saveAndFlush(report);
        } catch (OptimisticLockingFailureException e) {
            throw InvalidInputException.of("version", "error.stale");
        }
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            reportedMonths.refresh(a.getId()); // returned: no longer counts; accepted: counts as before
        }
        log.record(
                action,
                "REPORT",
                report.getId(),
                a.getId(),
                null,
                "round=" + report.getRound() + "; step="
                        + step.stepOrder() + "; role=" + step.role() + (comment == null ? "" : "; comment=" + comment)
                        + (a.getCompletedOn() != null ? "; completed=" + a.getCompletedOn() : ""));
        if (report.getStatus() == ReportStatus.SUBMITTED) {
            support.publishWaiting(report, chain);
        } else {
            events.publishEvent(new WorkflowEvents.ReportDecided(
                    report.getId(),
                    WorkflowEvents.About.of(a),
                    report.getUnit().getId(),
                    report.getCreatedBy().getId(),
                    report.getRound(),
                    report.getStatus() == ReportStatus.APPROVED,
                    me.id()));
        }
        return report;
    }

    /**
     * The day an accepted report completes its assignment: the day (Vietnam time, as every stored time) the unit
     * submitted the round the chain has just accepted, not the day of the last approval (issue 17: on time or
     * late is the unit's doing). {@code submitted_at} is set at each submission, so at acceptance it is that
     * round's; a report is only decided while submitted, and an accepted one is never submitted again.
     */
    static LocalDate completedOn(ProgressReport report) {
        return report.getSubmittedAt() == null
                ? LocalDate.now()
                : report.getSubmittedAt().toLocalDate();
    }

    /** Why the person may not decide the report's current step, as a translation key; null when they may. */
    private String decisionProblem(PortalUser me, ProgressReport report) {
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            return "report.error.notWaiting";
        }
        List<ApprovalStep> chain = steps.findChain(ReportSupport.chainFor(report));
        if (report.getCurrentStep() < 1 || report.getCurrentStep() > chain.size()) {
            return "report.error.notWaiting";
        }
        ApprovalStep step = chain.get(report.getCurrentStep() - 1);
        boolean inScope = switch (step.scope()) {
            case OWN_UNIT ->
                me.unitId() != null && me.unitId().equals(report.getUnit().getId());
            case TASK_DEPARTMENT ->
                me.unitId() != null
                        && me.unitId()
                                .equals(report.getAssignment()
                                        .getTask()
                                        .getLeadUnit()
                                        .getId());
            case MINISTRY -> true;
        };
        if (!me.has(step.role()) || !inScope) {
            return "report.error.notYourStep";
        }
        if (report.getSubmittedBy() != null && report.getSubmittedBy().getId().equals(me.id())) {
            return "report.error.ownReport";
        }
        if (decisions.existsByReportIdAndRoundAndDecidedById(report.getId(), report.getRound(), me.id())) {
            return "report.error.alreadyDecided";
        }
        return null;
    }
}
