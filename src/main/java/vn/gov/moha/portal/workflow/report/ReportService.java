package vn.gov.moha.portal.workflow.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.Indicator;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * Progress reports: the lead unit's officer writes, saves as draft and submits; then the report travels along
 * the approval chain ({@link ApprovalService}). Also the report queries of "Việc cần xử lý".
 *
 * <p>Over 300 lines: drafts and submission are one responsibility (decisions: ApprovalService, files:
 * EvidenceService); the "Việc cần xử lý" queries stay because they read the same reports.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReportService {

    public static final int MAX_NARRATIVE = 8000;

    private final ReportSupport support;
    private final ReportRepository reports;
    private final ApprovalStepRepository steps;
    private final AssignmentService assignments;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ReportingPeriods periods;
    private final ReportedMonths reportedMonths;
    private final DocumentService documents;

    ReportService(
            ReportSupport support,
            ReportRepository reports,
            ApprovalStepRepository steps,
            AssignmentService assignments,
            AssignmentAccess access,
            CurrentUser currentUser,
            EventLog log,
            ReportingPeriods periods,
            ReportedMonths reportedMonths,
            DocumentService documents) {
        this.documents = documents;
        this.support = support;
        this.reports = reports;
        this.steps = steps;
        this.assignments = assignments;
        this.access = access;
        this.currentUser = currentUser;
        this.log = log;
        this.periods = periods;
        this.reportedMonths = reportedMonths;
    }

    public List<ProgressReport> reportsOf(Long assignmentId) {
        return reportsFor(assignments.require(assignmentId));
    }

    /** The reports of an assignment the caller got from {@link AssignmentService#find} (checked there). */
    public List<ProgressReport> reportsFor(Assignment a) {
        return reports.findByAssignment(a.getId());
    }

    /** The report, if the caller may see its assignment; a refused look is recorded. */
    public Optional<ProgressReport> find(Long id) {
        return support.find(id);
    }

    public boolean canWrite(ProgressReport report) {
        return report.getStatus().editable() && access.reportsFor(currentUser.require(), report.getAssignment());
    }

    public boolean canStartReport(Assignment a) {
        return whyNoNewReport(a) == null;
    }

    /**
     * Why the caller may not start a new report of the assignment now (the message key, as save() would
     * answer), or null when they may: not an officer of the lead unit, the task done, or a report of the unit
     * still open (a colleague may have started one since the assignment's page was opened).
     */
    public String whyNoNewReport(Assignment a) {
        if (!access.reportsFor(currentUser.require(), a)) {
            return "report.error.notLeadUnit";
        }
        if (a.getCompletedOn() != null) {
            return "report.error.completed";
        }
        return reports.hasOpenReport(a.getId()) ? "report.error.openExists" : null;
    }

    /**
     * The periods a report of this ongoing assignment may be filed under, newest first, and the one
     * suggested today; none for a dated assignment.
     */
    public PeriodChoices periodChoices(Assignment a) {
        if (a == null || !a.isOngoing()) {
            return PeriodChoices.NONE;
        }
        LocalDate today = LocalDate.now();
        ReportingPeriod kind = a.getReportingPeriod();
        List<Period> owed = periods.owedBy(kind, a.getCreatedAt().toLocalDate(), a.getCompletedOn(), today);
        if (owed.isEmpty()) {
            return PeriodChoices.NONE;
        }
        Set<String> sent = a.getId() == null ? Set.of() : reports.sentPeriods(a.getId());
        Period dueNext = periods.dueNext(kind, today);
        Period open = owed.get(owed.size() - 1);
        Period suggested = owed.contains(dueNext) && !sent.contains(dueNext.key()) ? dueNext : open;
        List<Period> newestFirst = new java.util.ArrayList<>(owed);
        java.util.Collections.reverse(newestFirst);
        return new PeriodChoices(List.copyOf(newestFirst), suggested);
    }

    /**
     * For "Việc cần xử lý" (MyWorkService): the reports waiting at a step of the caller's role and scope, not
     * sent by them and not yet decided by them this round, picked by the database.
     */
    public List<ProgressReport> waitingForMe() {
        PortalUser me = currentUser.require();
        return reports.findWaitingFor(me.id(), me.unitId(), me.roles());
    }

    /** How many {@link #waitingForMe} there are among the assignments the caller may see, no entity loaded. */
    public long countWaitingForMe() {
        PortalUser me = currentUser.require();
        return reports.countWaitingFor(me.id(), me.unitId(), me.roles(), access.visibility(me));
    }

    /** The reports returned to the caller's unit, to fix and submit again. */
    public List<ProgressReport> returnedToMyUnit() {
        return reports.findByStatusAndUnit(
                ReportStatus.RETURNED, currentUser.require().unitId());
    }

    public long countReturnedToMyUnit() {
        return reports.countByStatusAndUnit(
                ReportStatus.RETURNED, currentUser.require().unitId());
    }

    /** The ongoing assignments led by the caller's unit that have a report in progress (not yet accepted). */
    public Set<Long> withOpenReportOfMyUnit() {
        return reports.withOpenReportLedBy(currentUser.require().unitId());
    }

    /** How many unfinished assignments led by the caller's unit have no report in progress. */
    public long countWithoutOpenReportOfMyUnit() {
        return reports.countOpenLedWithoutOpenReport(currentUser.require().unitId());
    }

    /** Creates or updates a draft (or a returned report); refuses a stale version. */
    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public ProgressReport save(ReportDraft draft) {
        PortalUser me = currentUser.require();
        Assignment a = assignments.require(draft.assignmentId());
        if (!access.reportsFor(me, a)) {
            throw assignments.refused(a, "report", "report.error.notLeadUnit");
        }
        ProgressReport report;
        if (draft.id() == null) {
            if (reports.hasOpenReport(a.getId())) {
                throw InvalidInputException.of("report", "report.error.openExists");
            }
            report = new ProgressReport(a, a.getLeadUnit(), assignments.me(me));
        } else {
            report = support.require(draft.id());
            if (!report.getAssignment().getId().equals(a.getId())) {
                throw InvalidInputException.of("report", "report.error.notFound");
            }
            if (!report.getStatus().editable()) {
                throw InvalidInputException.of("report", "report.error.notEditable");
            }
            if (report.getVersion() != draft.version()) {
                throw InvalidInputException.of("version", "error.stale");
            }
        }
        Problems problems = new Problems();
        if (a.getCompletedOn() != null) {
            problems.add("percent", "report.error.completed");
        }
        if (draft.percent() == null) {
            problems.add("percent", "error.required");
        } else if (draft.percent() < 0 || draft.percent() > 100) {
            problems.add("percent", "report.error.percent");
        }
        if (draft.confidence() == null) {
            problems.add("confidence", "error.required");
        }
        problems.requireLines("narrative", draft.narrative(), MAX_NARRATIVE);
        Period period = period(a, report, draft.periodKey(), problems);
        Map<Long, BigDecimal> values = draft.indicatorValues() == null ? Map.of() : draft.indicatorValues();
        Set<Long> known = a.getIndicators().stream().map(Indicator::getId).collect(Collectors.toSet());
        values.forEach((id, value) -> {
            if (!known.contains(id)) {
                problems.add("indicators", "report.error.unknownIndicator");
            } else if (value != null && (value.signum() < 0 || value.compareTo(new BigDecimal("1e15")) >= 0)) {
                problems.add("indicator-" + id, "report.error.indicatorValue");
            } else if (value != null && value.stripTrailingZeros().scale() > 2) {
                problems.add("indicator-" + id, "error.decimals");
            }
        });
        problems.throwIfAny();

        if (report.getId() != null && unchanged(report, draft, period, values)) {
            // "Gửi báo cáo" of a draft saved as it is: nothing is saved, so nothing goes in the history either
            // (it showed the first save's "Lưu báo cáo" a second time)
            return report;
        }
        String before = report.getId() == null ? null : describe(report);
        report.setPercentComplete(draft.percent());
        report.setConfidence(draft.confidence());
        report.setNarrative(draft.narrative().strip());
        if (period == null || !period.key().equals(report.getPeriodKey())) {
            report.setPeriod(period);
        }
        report.getIndicatorValues().clear();
        values.forEach((id, value) -> {
            if (value != null) {
                report.getIndicatorValues().put(id, value);
            }
        });
        ProgressReport saved;
        try {
            saved = reports.saveAndFlush(report);
        } catch (OptimisticLockingFailureException e) {
            throw InvalidInputException.of("version", "error.stale");
        }
        log.record("REPORT_SAVE", "REPORT", saved.getId(), a.getId(), before, describe(saved));
        return saved;
    }

    /**
     * The period a report is filed under: the one asked for, if the assignment owes it; else the
     * report's own; else the suggested one. Null for a dated assignment.
     */
    private Period period(Assignment a, ProgressReport report, String asked, Problems problems) {
        if (!a.isOngoing()) {
            return null;
        }
        PeriodChoices choices = periodChoices(a);
        if (asked != null) {
            Optional<Period> chosen = choices.options().stream()
                    .filter(p -> p.key().equals(asked))
                    .findFirst();
            if (chosen.isEmpty()) {
                problems.add("period", "report.error.period");
            }
            return chosen.orElse(null);
        }
        Optional<Period> own = periods.byKey(report.getPeriodKey()).filter(p -> p.kind() == a.getReportingPeriod());
        if (own.isPresent()) {
            return own.get();
        }
        if (choices.suggested() == null) {
            problems.add("period", "report.error.period");
        }
        return choices.suggested();
    }

    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public ProgressReport submit(Long reportId, long version) {
        PortalUser me = currentUser.require();
        ProgressReport report = support.require(reportId);
        if (!access.reportsFor(me, report.getAssignment())) {
            throw support.refused(report, "report", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("report", "report.error.notEditable");
        }
        if (report.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
        if (report.getAssignment().getCompletedOn() != null) {
            throw InvalidInputException.of("report", "report.error.completed");
        }
        report.setStatus(ReportStatus.SUBMITTED);
        report.nextRound();
        report.submitted(assignments.me(me));
        reports.saveAndFlush(report);
        reportedMonths.refresh(report.getAssignment().getId());
        log.record(
                "REPORT_SUBMIT",
                "REPORT",
                report.getId(),
                report.getAssignment().getId(),
                null,
                "round=" + report.getRound() + "; " + describe(report));
        support.publishWaiting(report, steps.findChain(ReportSupport.chainFor(report)));
        return report;
    }

    /** Whether saving the draft would leave the stored report as it is (numbers compared by value: 48 = 48.00). */
    private static boolean unchanged(ProgressReport r, ReportDraft draft, Period period, Map<Long, BigDecimal> values) {
        Map<Long, BigDecimal> entered = new HashMap<>();
        values.forEach((id, value) -> {
            if (value != null) {
                entered.put(id, value);
            }
        });
        Map<Long, BigDecimal> stored = r.getIndicatorValues();
        return r.getPercentComplete() == draft.percent()
                && r.getConfidence() == draft.confidence()
                && r.getNarrative().equals(draft.narrative().strip())
                && Objects.equals(r.getPeriodKey(), period == null ? null : period.key())
                && stored.size() == entered.size()
                && entered.entrySet().stream()
                        .allMatch(e -> stored.containsKey(e.getKey())
                                && stored.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    private static String describe(ProgressReport r) {
        return "percent=" + r.getPercentComplete() + "; confidence=" + r.getConfidence() + "; status="
                + r.getStatus() + "; values=" + r.getIndicatorValues()
                + (r.getPeriodKey() == null ? "" : "; period=" + r.getPeriodKey());
    }

    /**
     * The lead unit's officer cites a document in a report that is still editable (optional: a report without one
     * is complete): all the document's fields and its PDF, checked as when assigning; a later citation replaces the
     * earlier one. The document and the link are saved together or not at all.
     */
    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public ProgressReport citeDocument(Long reportId, DocumentDraft document) {
        PortalUser me = currentUser.require();
        ProgressReport report = support.require(reportId);
        if (!access.reportsFor(me, report.getAssignment())) {
            throw support.refused(report, "docNumber", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("docNumber", "report.error.notEditable");
        }
        OfficialDocument cited = documents.record(document);
        report.setDocument(cited);
        log.record(
                "DOCUMENT_CITE",
                "REPORT",
                report.getId(),
                report.getAssignment().getId(),
                null,
                "document=" + cited.getNumber());
        return report;
    }

    /** The file of the document a report cites, for whoever may see the report's assignment. */
    public FileStore.Download documentFile(Long reportId) {
        ProgressReport report = support.require(reportId);
        if (report.getDocument() == null) {
            throw InvalidInputException.of("docFile", "file.error.notFound");
        }
        return documents.fileOf(report.getDocument());
    }
}
