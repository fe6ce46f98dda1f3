package vn.gov.moha.portal.workflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.Indicator;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * Progress reports: the lead unit's officer writes, saves as draft and submits; the report then
 * travels along the approval chain (data in {@code approval_step}) until a leader accepts it or
 * someone returns it. Every rule is checked here, and the database backs the four-eyes rules.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;
    public static final int MAX_NARRATIVE = 8000;
    /** An approval's comment, or a return's reason. */
    public static final int MAX_COMMENT = 2000;
    /** Decision refusals because of who the caller is (not of the report's state): written to the log. */
    private static final Set<String> IDENTITY_PROBLEMS = Set.of("report.error.notYourStep", "report.error.ownReport",
            "report.error.alreadyDecided");

    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final ApprovalStepRepository steps;
    private final EvidenceRepository files;
    private final EvidenceStore store;
    private final AssignmentService assignments;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ReportingPeriods periods;
    private final ApplicationEventPublisher events;
    private final ReportedMonths reportedMonths;

    ReportService(ReportRepository reports, DecisionRepository decisions, ApprovalStepRepository steps,
                  EvidenceRepository files, EvidenceStore store, AssignmentService assignments,
                  AssignmentAccess access, CurrentUser currentUser, EventLog log, ReportingPeriods periods,
                  ApplicationEventPublisher events, ReportedMonths reportedMonths) {
        this.events = events;
        this.reportedMonths = reportedMonths;
        this.periods = periods;
        this.reports = reports;
        this.decisions = decisions;
        this.steps = steps;
        this.files = files;
        this.store = store;
        this.assignments = assignments;
        this.access = access;
        this.currentUser = currentUser;
        this.log = log;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ProgressReport> reportsOf(Long assignmentId) {
        assignments.require(assignmentId);
        return reports.findByAssignment(assignmentId);
    }

    /** The report, if the caller may see its assignment; a refused look is recorded. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ProgressReport> find(Long id) {
        Optional<ProgressReport> found = id == null ? Optional.empty() : reports.findWithDetails(id);
        if (found.isPresent() && !access.canSee(currentUser.require(), found.get().getAssignment())) {
            log.recordRefusal("REPORT", id, found.get().getAssignment().getId(), "report.error.notFound");
            return Optional.empty();
        }
        return found;
    }

    private ProgressReport require(Long id) {
        return find(id).orElseThrow(() -> InvalidInputException.of("report", "report.error.notFound"));
    }

    @PreAuthorize("isAuthenticated()")
    public List<ApprovalDecision> trail(Long reportId) {
        require(reportId);
        return decisions.findByReport(reportId);
    }

    @PreAuthorize("isAuthenticated()")
    public List<EvidenceFile> evidence(Long reportId) {
        require(reportId);
        return files.findByReport(reportId);
    }

    /** The steps of the chain this report travels, in order. */
    @PreAuthorize("isAuthenticated()")
    public List<ApprovalStep> chainOf(ProgressReport report) {
        return steps.findChain(chainFor(report));
    }

    @PreAuthorize("isAuthenticated()")
    public boolean canWrite(ProgressReport report) {
        return report.getStatus().editable() && access.reportsFor(currentUser.require(), report.getAssignment());
    }

    @PreAuthorize("isAuthenticated()")
    public boolean canStartReport(Assignment a) {
        return whyNoNewReport(a) == null;
    }

    /**
     * Why the caller may not start a new report of the assignment now (the message key, as save() would
     * answer), or null when they may: not an officer of the lead unit, the task done, or a report of the unit
     * still open (a colleague may have started one since the assignment's page was opened).
     */
    @PreAuthorize("isAuthenticated()")
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
    @PreAuthorize("isAuthenticated()")
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
    @PreAuthorize("isAuthenticated()")
    public List<ProgressReport> waitingForMe() {
        PortalUser me = currentUser.require();
        return reports.findWaitingFor(me.id(), me.unitId(), me.roles());
    }

    /** How many {@link #waitingForMe} there are among the assignments the caller may see, no entity loaded. */
    @PreAuthorize("isAuthenticated()")
    public long countWaitingForMe() {
        PortalUser me = currentUser.require();
        return reports.countWaitingFor(me.id(), me.unitId(), me.roles(), access.visibility(me));
    }

    /** The reports returned to the caller's unit, to fix and submit again. */
    @PreAuthorize("isAuthenticated()")
    public List<ProgressReport> returnedToMyUnit() {
        return reports.findByStatusAndUnit(ReportStatus.RETURNED, currentUser.require().unitId());
    }

    @PreAuthorize("isAuthenticated()")
    public long countReturnedToMyUnit() {
        return reports.countByStatusAndUnit(ReportStatus.RETURNED, currentUser.require().unitId());
    }

    /** The ongoing assignments led by the caller's unit that have a report in progress (not yet accepted). */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> withOpenReportOfMyUnit() {
        return reports.withOpenReportLedBy(currentUser.require().unitId());
    }

    /** How many unfinished assignments led by the caller's unit have no report in progress. */
    @PreAuthorize("isAuthenticated()")
    public long countWithoutOpenReportOfMyUnit() {
        return reports.countOpenLedWithoutOpenReport(currentUser.require().unitId());
    }

    /** Whether the caller may decide the step the report waits at now. */
    @PreAuthorize("isAuthenticated()")
    public boolean canDecide(ProgressReport report) {
        return decisionProblem(currentUser.require(), report) == null;
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
            report = require(draft.id());
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
            Optional<Period> chosen = choices.options().stream().filter(p -> p.key().equals(asked)).findFirst();
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
        ProgressReport report = require(reportId);
        if (!access.reportsFor(me, report.getAssignment())) {
            throw refused(report, "report", "report.error.notLeadUnit");
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
        log.record("REPORT_SUBMIT", "REPORT", report.getId(), report.getAssignment().getId(), null,
                "round=" + report.getRound() + "; " + describe(report));
        publishWaiting(report, steps.findChain(chainFor(report)));
        return report;
    }

    /** Approves the current step; the last step accepts the report, and 100 % completes the assignment today. */
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
        ProgressReport report = require(reportId);
        if (report.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
        String problem = decisionProblem(me, report);
        if (problem != null) {
            throw IDENTITY_PROBLEMS.contains(problem) ? refused(report, "decision", problem)
                    : InvalidInputException.of("decision", problem);
        }
        List<ApprovalStep> chain = steps.findChain(chainFor(report));
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
                a.setCompletedOn(LocalDate.now());
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
        log.record(action, "REPORT", report.getId(), a.getId(), null, "round=" + report.getRound() + "; step="
                + step.stepOrder() + "; role=" + step.role() + (comment == null ? "" : "; comment=" + comment)
                + (a.getCompletedOn() != null ? "; completed=" + a.getCompletedOn() : ""));
        if (report.getStatus() == ReportStatus.SUBMITTED) {
            publishWaiting(report, chain);
        } else {
            events.publishEvent(new WorkflowEvents.ReportDecided(report.getId(), WorkflowEvents.About.of(a),
                    report.getUnit().getId(), report.getCreatedBy().getId(), report.getRound(),
                    report.getStatus() == ReportStatus.APPROVED, me.id()));
        }
        return report;
    }

    /** Tells who may decide the step the report now waits at (its reach as in {@link #decisionProblem}). */
    private void publishWaiting(ProgressReport report, List<ApprovalStep> chain) {
        ApprovalStep step = chain.get(report.getCurrentStep() - 1);
        Long unitId = switch (step.scope()) {
            case OWN_UNIT -> report.getUnit().getId();
            case TASK_DEPARTMENT -> report.getAssignment().getTask().getLeadUnit().getId();
            case MINISTRY -> null;
        };
        Set<Long> not = new java.util.HashSet<>();
        if (report.getSubmittedBy() != null) {
            not.add(report.getSubmittedBy().getId());
        }
        decisions.findByReport(report.getId()).stream().filter(d -> d.getRound() == report.getRound())
                .forEach(d -> not.add(d.getDecidedBy().getId()));
        events.publishEvent(new WorkflowEvents.ReportWaiting(report.getId(),
                WorkflowEvents.About.of(report.getAssignment()), report.getRound(), step.stepOrder(), step.role(),
                unitId, Set.copyOf(not)));
    }

    /** Why the person may not decide the report's current step, as a translation key; null when they may. */
    private String decisionProblem(PortalUser me, ProgressReport report) {
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            return "report.error.notWaiting";
        }
        List<ApprovalStep> chain = steps.findChain(chainFor(report));
        if (report.getCurrentStep() < 1 || report.getCurrentStep() > chain.size()) {
            return "report.error.notWaiting";
        }
        ApprovalStep step = chain.get(report.getCurrentStep() - 1);
        boolean inScope = switch (step.scope()) {
            case OWN_UNIT -> me.unitId() != null && me.unitId().equals(report.getUnit().getId());
            case TASK_DEPARTMENT -> me.unitId() != null
                    && me.unitId().equals(report.getAssignment().getTask().getLeadUnit().getId());
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

    private static ApprovalStep.Chain chainFor(ProgressReport report) {
        return report.getUnit().getKind() == UnitKind.PROVINCE ? ApprovalStep.Chain.PROVINCE
                : ApprovalStep.Chain.DEPARTMENT;
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
        ProgressReport report = require(reportId);
        if (!access.reportsFor(me, report.getAssignment())) {
            throw refused(report, "file", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("file", "report.error.notEditable");
        }
        if (fileName != null && TextRules.problem(fileName, false) != null) {
            throw InvalidInputException.of("file", "file.error.name");
        }
        String name = Problems.clean(EvidenceFile.baseName(fileName));
        if (name != null && name.length() > MAX_FILE_NAME) {
            throw InvalidInputException.of("file", "file.error.nameTooLong", MAX_FILE_NAME);
        }
        String type = FileTypes.byName(name).orElseThrow(() -> InvalidInputException.of("file", "file.error.type"));
        if (content == null) {
            throw InvalidInputException.of("file", "file.error.empty");
        }
        EvidenceStore.Incoming incoming = store.receive(content, MAX_FILE_BYTES);
        try {
            if (incoming.size() == 0) {
                throw InvalidInputException.of("file", "file.error.empty");
            }
            if (incoming.size() > MAX_FILE_BYTES) {
                throw InvalidInputException.of("file", "file.error.tooLarge");
            }
            if (!type.equals(FileTypes.detect(incoming.file()).orElse(null))) {
                throw InvalidInputException.of("file", "file.error.content", FileTypes.label(type));
            }
            String stored = UUID.randomUUID().toString().replace("-", "");
            store.keep(incoming, stored);
            EvidenceFile file = files.save(new EvidenceFile(report, name, stored, type, incoming.size(),
                    incoming.sha256(), assignments.me(me)));
            log.record("FILE_ADD", "FILE", file.getId(), report.getAssignment().getId(), null,
                    name + " (" + type + ", " + incoming.size() + " bytes)");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(incoming);
        }
    }

    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public void removeEvidence(Long fileId) {
        PortalUser me = currentUser.require();
        EvidenceFile file = visibleFile(fileId);
        ProgressReport report = file.getReport();
        if (!access.reportsFor(me, report.getAssignment())) {
            throw refused(report, "file", "report.error.notLeadUnit");
        }
        if (!report.getStatus().editable()) {
            throw InvalidInputException.of("file", "report.error.notEditable");
        }
        file.remove();
        log.record("FILE_REMOVE", "FILE", file.getId(), report.getAssignment().getId(), file.getOriginalName(), null);
    }

    /** A file's name, type and bytes, for whoever may see its assignment; a refused look is recorded. */
    @PreAuthorize("isAuthenticated()")
    public Download download(Long fileId) {
        EvidenceFile file = visibleFile(fileId);
        // the name goes into Content-Disposition as filename="...": a quote in it would end the value there
        return new Download(file.getOriginalName().replace('"', '\''), file.getContentType(), file.getSizeBytes(),
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

    /** Records that the caller was refused an action on a report they may see, and returns the refusal. */
    private InvalidInputException refused(ProgressReport report, String field, String key) {
        log.recordRefusal("REPORT", report.getId(), report.getAssignment().getId(), key);
        return InvalidInputException.of(field, key);
    }

    /** A file ready to send to the browser: its name for the download, its type, size and bytes as a stream. */
    public record Download(String name, String contentType, long size, InputStream content) {
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
        return r.getPercentComplete() == draft.percent() && r.getConfidence() == draft.confidence()
                && r.getNarrative().equals(draft.narrative().strip())
                && Objects.equals(r.getPeriodKey(), period == null ? null : period.key())
                && stored.size() == entered.size()
                && entered.entrySet().stream().allMatch(e -> stored.containsKey(e.getKey())
                        && stored.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    private static String describe(ProgressReport r) {
        return "percent=" + r.getPercentComplete() + "; confidence=" + r.getConfidence() + "; status="
                + r.getStatus() + "; values=" + r.getIndicatorValues()
                + (r.getPeriodKey() == null ? "" : "; period=" + r.getPeriodKey());
    }
}
