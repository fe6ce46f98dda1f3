package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventDetails;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/**
 * Assignments: a manager assigns a task to many units in one action and edits or reassigns them;
 * everyone sees only the rows their role and unit allow, and a refused look is written to the log.
 *
 * <p>Over 300 lines: the assignment's commands (assign, edit, contribute, extend) share its access rules and
 * events; to be split by command when it next grows.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssignmentService {

    static final String NOT_FOUND = "assignment.error.notFound";
    private static final DocumentDraft NO_DOCUMENT = new DocumentDraft(null, null, null, null, null, null, null);
    public static final int MAX_EXPECTED_OUTPUT = 2000;
    public static final int MAX_INSTRUCTIONS = 4000;
    /** The reason of an edit. */
    public static final int MAX_REASON = 1000;

    public static final int MAX_CONTRIBUTION = 4000;

    private final AssignmentRepository assignments;
    private final DeadlineChangeRepository deadlines;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final UnitService units;
    private final UserService users;
    private final EventLog log;
    private final EntityManager em;
    private final ContributionRepository contributions;
    private final ApplicationEventPublisher events;
    private final DocumentService documents;

    AssignmentService(
            AssignmentRepository assignments,
            DeadlineChangeRepository deadlines,
            AssignmentAccess access,
            CurrentUser currentUser,
            TaskService tasks,
            UnitService units,
            UserService users,
            EventLog log,
            EntityManager em,
            ContributionRepository contributions,
            ApplicationEventPublisher events,
            DocumentService documents) {
        this.events = events;
        this.documents = documents;
        this.contributions = contributions;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.access = access;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.units = units;
        this.users = users;
        this.log = log;
        this.em = em;
    }

    /** One page of the assignments of a year the caller may see, optionally of one task, matching a unit search. */
    public List<Assignment> list(int year, Long taskId, String unitQuery, int offset, int limit) {
        AssignmentAccess.Visibility v = access.visibility(currentUser.require());
        int size = Math.max(1, limit);
        return assignments.findVisible(
                year,
                taskId,
                v.all(),
                v.deptId(),
                v.unitId(),
                SearchText.likeLiteral(SearchText.fold(unitQuery)),
                PageRequest.of(offset / size, size));
    }

    public long count(int year, Long taskId, String unitQuery) {
        AssignmentAccess.Visibility v = access.visibility(currentUser.require());
        return assignments.countVisible(
                year, taskId, v.all(), v.deptId(), v.unitId(), SearchText.likeLiteral(SearchText.fold(unitQuery)));
    }

    /**
     * One page of the assignments of a year the caller may see, narrowed by {@code filter}, and how many there are
     * in all (for the REST API; the screens page with {@link #list} and {@link #count}).
     */
    public Found filter(AssignmentFilter filter, int offset, int limit) {
        AssignmentAccess.Visibility v = access.visibility(currentUser.require());
        int size = Math.max(1, limit);
        String search = SearchText.likeLiteral(SearchText.fold(filter.unitQuery()));
        String done = filter.done() == null ? "" : filter.done() ? "DONE" : "OPEN";
        String state = filter.state() == null ? "" : filter.state().name();
        LocalDate today = LocalDate.now();
        List<Assignment> page = assignments.findFiltered(
                filter.year(),
                filter.taskId(),
                v.all(),
                v.deptId(),
                v.unitId(),
                search,
                done,
                state,
                today,
                PageRequest.of(offset / size, size));
        long total = assignments.countFiltered(
                filter.year(), filter.taskId(), v.all(), v.deptId(), v.unitId(), search, done, state, today);
        return new Found(page, total);
    }

    /** A page of assignments and the number of all that match. */
    public record Found(List<Assignment> items, long total) {}

    /** The assignment, if the caller may see it; a refused look is recorded and looks like "not found". */
    public Optional<Assignment> find(@Nullable Long id) {
        Optional<Assignment> found = id == null ? Optional.empty() : assignments.findWithDetails(id);
        if (found.isPresent() && !access.canSee(currentUser.require(), found.get())) {
            log.recordRefusal("ASSIGNMENT", id, id, NOT_FOUND);
            return Optional.empty();
        }
        found.ifPresent(a -> a.getIndicators().size());
        return found;
    }

    /**
     * Where an assignment merged into its successor's (issue 18) lives now, for its old address: the surviving
     * assignment, if the caller may see it, from the day after its unit ended; empty for one not merged.
     */
    public Optional<MergedInto> mergedInto(@Nullable Long id) {
        Optional<Assignment> old = id == null ? Optional.empty() : assignments.findWithDetails(id);
        if (old.isEmpty() || old.get().getMergedIntoId() == null) {
            return Optional.empty();
        }
        PortalUser me = currentUser.require();
        LocalDate ended = old.get().getLeadUnit().getValidTo();
        return find(old.get().getMergedIntoId())
                .map(survivor -> new MergedInto(
                        survivor, ended == null ? null : ended.plusDays(1), access.canSee(me, old.get())));
    }

    /** The surviving assignment, since when, and whether the caller may still read the merged one's own page. */
    public record MergedInto(Assignment survivor, @Nullable LocalDate since, boolean mayOpenOld) {}

    /** The assignment for an action; refused or missing ones fail the same way. */
    public Assignment require(Long id) {
        return find(id).orElseThrow(() -> InvalidInputException.of("assignment", NOT_FOUND));
    }

    public List<DeadlineChange> deadlineHistory(Long assignmentId) {
        return deadlineChangesOf(require(assignmentId));
    }

    /** The deadline changes of an assignment the caller got from {@link #find} (checked there). */
    @PreAuthorize("isAuthenticated()")
    public List<DeadlineChange> deadlineChangesOf(Assignment a) {
        return deadlines.findByAssignment(a.getId());
    }

    /** The unfinished assignments led by the caller's unit (MyWorkService: those owing a report). */
    public List<Assignment> openLedByMyUnit() {
        return assignments.findOpenLedBy(currentUser.require().unitId());
    }

    /** The assignment's history (without refused accesses) and the full names of the people it names. */
    public AssignmentHistory history(Long assignmentId) {
        return historyOf(require(assignmentId));
    }

    /** The history of an assignment the caller got from {@link #find} (checked there). */
    @PreAuthorize("isAuthenticated()")
    public AssignmentHistory historyOf(Assignment a) {
        List<EventLogEntry> entries = assignments.history(a.getId());
        Set<String> people = new HashSet<>();
        for (EventLogEntry e : entries) {
            people.add(e.getActor());
            people.addAll(EventDetails.people(e.getBefore()));
            people.addAll(EventDetails.people(e.getAfter()));
        }
        return new AssignmentHistory(entries, users.fullNames(people));
    }

    public List<Contribution> contributions(Long assignmentId) {
        return contributionsOf(require(assignmentId));
    }

    /** The contributions to an assignment the caller got from {@link #find} (checked there). */
    @PreAuthorize("isAuthenticated()")
    public List<Contribution> contributionsOf(Assignment a) {
        return contributions.findByAssignment(a.getId());
    }

    /** Whether the caller belongs to a coordinating unit of the assignment, and so may contribute. */
    public boolean canContribute(Assignment a) {
        PortalUser me = currentUser.require();
        return (me.has(Role.UNIT_OFFICER) || me.has(Role.UNIT_HEAD))
                && a.getCompletedOn() == null
                && a.getCoordinators().stream().anyMatch(u -> u.getId().equals(me.unitId()));
    }

    /** A coordinating unit's contribution to the lead unit's assignment. */
    @PreAuthorize("hasAnyRole('UNIT_OFFICER', 'UNIT_HEAD')")
    @Transactional
    public Contribution contribute(Long assignmentId, String text) {
        Assignment a = require(assignmentId);
        if (!canContribute(a)) {
            throw refused(a, "contribution", "contribution.error.notCoordinator");
        }
        new Problems().requireLines("contribution", text, MAX_CONTRIBUTION).throwIfAny();
        PortalUser me = currentUser.require();
        OrgUnit unit = a.getCoordinators().stream()
                .filter(u -> u.getId().equals(me.unitId()))
                .findFirst()
                .orElseThrow();
        Contribution saved = contributions.save(new Contribution(a, unit, text.strip(), me(me)));
        log.record("CONTRIBUTE", "CONTRIBUTION", saved.getId(), a.getId(), null, unit.getCode() + ": " + text.strip());
        return saved;
    }

    /** Whether the caller may assign this task (a MANAGER of the department that owns it). */
    public boolean canAssign(PriorityTask task) {
        return access.manages(currentUser.require(), task);
    }

    public boolean canEdit(Assignment a) {
        return a.getCompletedOn() == null && access.manages(currentUser.require(), a.getTask());
    }

    /** The units that already lead an assignment of this task (a manager's "all provinces" leaves them out). */
    @PreAuthorize("hasRole('MANAGER')")
    public Set<Long> leadUnitsOf(PriorityTask task) {
        return access.manages(currentUser.require(), task) ? assignments.leadUnitIdsOf(task.getId()) : Set.of();
    }

    /**
     * Creates one assignment per lead unit, all assigned by the one official document of the draft (required for
     * new assignments); all or none, document and its file included. Returns how many were created.
     */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public int assign(AssignDraft draft) {
        PortalUser me = currentUser.require();
        Problems problems = new Problems();
        PriorityTask task = tasks.find(draft.taskId()).orElse(null);
        if (task == null) {
            problems.add("task", "error.required");
        } else if (!access.manages(me, task)) {
            log.recordRefusal("TASK", task.getId(), null, "assignment.error.notYourTask");
            problems.add("task", "assignment.error.notYourTask");
        }
        Set<Long> leadIds = draft.leadUnitIds() == null ? Set.of() : draft.leadUnitIds();
        Set<Long> coordinatorIds = draft.coordinatorIds() == null ? Set.of() : draft.coordinatorIds();
        if (leadIds.isEmpty()) {
            problems.add("leadUnits", "assignment.error.leadRequired");
        }
        List<OrgUnit> leads = resolve(leadIds, problems, "leadUnits");
        List<OrgUnit> coordinators = resolve(coordinatorIds, problems, "coordinators");
        if (leadIds.stream().anyMatch(coordinatorIds::contains)) {
            problems.add("coordinators", "assignment.error.leadAlsoCoordinator");
        }
        if (task != null) {
            Set<Long> holders = assignments.leadUnitIdsOf(task.getId());
            String named = leads.stream()
                    .filter(u -> holders.contains(u.getId()))
                    .map(OrgUnit::getNameVi)
                    .collect(Collectors.joining("; "));
            if (!named.isEmpty()) {
                problems.add("leadUnits", "assignment.error.alreadyAssignedTo", named);
            }
        }
        checkSchedule(problems, draft.ongoing(), draft.deadline(), draft.period(), null);
        problems.requireLines("expectedOutput", draft.expectedOutput(), MAX_EXPECTED_OUTPUT)
                .optionalLines("instructions", draft.instructions(), MAX_INSTRUCTIONS);
        List<AssignDraft.IndicatorDraft> indicators = draft.indicators() == null ? List.of() : draft.indicators();
        for (AssignDraft.IndicatorDraft i : indicators) {
            if (i == null) {
                problems.add("indicators", "error.required");
                continue;
            }
            problems.requireText("indicators", i.name(), 255).requireText("indicators", i.unitOfMeasure(), 50);
            if (i.target() == null || i.target().signum() < 0 || i.target().compareTo(new BigDecimal("1e15")) >= 0) {
                problems.add("indicators", "assignment.error.target");
            } else if (i.target().stripTrailingZeros().scale() > 2) {
                problems.add("indicators", "error.decimals");
            }
        }
        AppUser leader = leader(draft.leaderId(), task, problems);
        DocumentDraft document = draft.document() == null ? NO_DOCUMENT : draft.document();
        documents.check(document, problems);
        problems.throwIfAny();

        // one record for every unit of this action; a file that fails its content check throws here, before any row
        OfficialDocument assignedBy = documents.record(document);
        AppUser by = me(me);
        for (OrgUnit lead : leads) {
            Assignment a = new Assignment(task, lead, by);
            a.getCoordinators().addAll(coordinators);
            applySchedule(a, draft.ongoing(), draft.deadline(), draft.period());
            a.setExpectedOutput(draft.expectedOutput().strip());
            a.setInstructions(Problems.clean(draft.instructions()));
            a.setLeader(leader);
            a.setDocument(assignedBy);
            int position = 0;
            for (AssignDraft.IndicatorDraft i : indicators) {
                a.getIndicators()
                        .add(new Indicator(
                                a,
                                ++position,
                                i.name().strip(),
                                i.unitOfMeasure().strip(),
                                i.target()));
            }
            assignments.save(a);
            if (a.getDeadline() != null) {
                deadlines.save(new DeadlineChange(a, null, a.getDeadline(), "assign", by));
            }
            log.record("ASSIGN", "ASSIGNMENT", a.getId(), a.getId(), null, describe(a));
            Set<Long> involved = new HashSet<>(coordinatorIds);
            involved.add(lead.getId());
            events.publishEvent(new WorkflowEvents.Assigned(WorkflowEvents.About.of(a), Set.copyOf(involved), me.id()));
        }
        return leads.size();
    }

    /**
     * The signed file of the document an assignment was assigned by, for whoever may see the assignment; a refused
     * or missing one fails the same way ("not found"), and a refused look is recorded.
     */
    public FileStore.Download documentFile(Long assignmentId) {
        OfficialDocument d = require(assignmentId).getDocument();
        if (d == null) {
            throw InvalidInputException.of("docFile", "file.error.notFound");
        }
        return documents.fileOf(d);
    }

    /** Edits or reassigns an assignment that is not completed; refuses a stale version. */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public Assignment edit(AssignmentEdit edit) {
        PortalUser me = currentUser.require();
        Assignment a = require(edit.id());
        if (!access.manages(me, a.getTask())) {
            throw refused(a, "assignment", "assignment.error.notYourTask");
        }
        if (a.getVersion() != edit.version()) {
            throw InvalidInputException.of("version", "error.stale");
        }
        Problems problems = new Problems();
        if (a.getCompletedOn() != null) {
            problems.add("assignment", "assignment.error.completed");
        }
        OrgUnit lead =
                edit.leadUnitId() == null ? null : units.find(edit.leadUnitId()).orElse(null);
        if (lead == null) {
            problems.add("leadUnit", "assignment.error.leadRequired");
        } else if (!lead.getId().equals(a.getLeadUnit().getId())
                && assignments.existsByTaskIdAndLeadUnitId(a.getTask().getId(), lead.getId())) {
            problems.add("leadUnit", "assignment.error.alreadyAssigned");
        }
        Set<Long> coordinatorIds = edit.coordinatorIds() == null ? Set.of() : edit.coordinatorIds();
        List<OrgUnit> coordinators = resolve(coordinatorIds, problems, "coordinators");
        if (edit.leadUnitId() != null && coordinatorIds.contains(edit.leadUnitId())) {
            problems.add("coordinators", "assignment.error.leadAlsoCoordinator");
        }
        checkSchedule(problems, edit.ongoing(), edit.deadline(), edit.period(), a.getDeadline());
        problems.requireLines("expectedOutput", edit.expectedOutput(), MAX_EXPECTED_OUTPUT)
                .optionalLines("instructions", edit.instructions(), MAX_INSTRUCTIONS)
                .requireLines("reason", edit.reason(), MAX_REASON);
        AppUser leader = leader(edit.leaderId(), a.getTask(), problems);
        problems.throwIfAny();

        String before = describe(a);
        Set<Long> involvedBefore = new HashSet<>();
        involvedBefore.add(a.getLeadUnit().getId());
        a.getCoordinators().forEach(u -> involvedBefore.add(u.getId()));
        LocalDate oldDeadline = a.getDeadline();
        a.setLeadUnit(lead);
        a.getCoordinators().clear();
        a.getCoordinators().addAll(coordinators);
        applySchedule(a, edit.ongoing(), edit.deadline(), edit.period());
        a.setExpectedOutput(edit.expectedOutput().strip());
        a.setInstructions(Problems.clean(edit.instructions()));
        a.setLeader(leader);
        if (!Objects.equals(oldDeadline, a.getDeadline())) {
            deadlines.save(new DeadlineChange(
                    a, oldDeadline, a.getDeadline(), edit.reason().strip(), me(me)));
        }
        assignments.saveAndFlush(a);
        log.record(
                "EDIT",
                "ASSIGNMENT",
                a.getId(),
                a.getId(),
                before,
                describe(a) + "; reason=" + edit.reason().strip());
        Set<Long> newlyInvolved = new HashSet<>(coordinatorIds);
        newlyInvolved.add(lead.getId());
        newlyInvolved.removeAll(involvedBefore);
        if (!newlyInvolved.isEmpty()) {
            events.publishEvent(
                    new WorkflowEvents.Assigned(WorkflowEvents.About.of(a), Set.copyOf(newlyInvolved), me.id()));
        }
        return a;
    }

    private static void checkSchedule(
            Problems problems,
            boolean ongoing,
            LocalDate deadline,
            ReportingPeriod period,
            LocalDate unchangedDeadline) {
        if (ongoing) {
            if (period == null) {
                problems.add("period", "assignment.error.periodRequired");
            }
        } else if (deadline == null) {
            problems.add("deadline", "assignment.error.deadlineRequired");
        } else if (deadline.isBefore(LocalDate.now()) && !deadline.equals(unchangedDeadline)) {
            problems.add("deadline", "assignment.error.deadlinePast");
        }
    }

    private static void applySchedule(Assignment a, boolean ongoing, LocalDate deadline, ReportingPeriod period) {
        a.setDeadline(ongoing ? null : deadline);
        a.setReportingPeriod(ongoing ? period : null);
    }

    private List<OrgUnit> resolve(Set<Long> ids, Problems problems, String field) {
        List<OrgUnit> found = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (Long id : new HashSet<>(ids)) {
            units.find(id)
                    .filter(u -> u.isValidOn(today))
                    .ifPresentOrElse(found::add, () -> problems.add(field, "assignment.error.unitNotValid"));
        }
        found.sort((x, y) -> x.getCode().compareTo(y.getCode()));
        return found;
    }

    private @Nullable AppUser leader(@Nullable Long leaderId, @Nullable PriorityTask task, Problems problems) {
        if (leaderId == null) {
            return task == null ? null : task.getLeader();
        }
        AppUser leader = users.find(leaderId).orElse(null);
        if (leader == null || !leader.getRoles().contains(Role.LEADER)) {
            problems.add("leader", "task.error.leader");
        }
        return leader;
    }

    /** Records that the caller was refused an action on an assignment they may see, and returns the refusal. */
    public InvalidInputException refused(Assignment a, String field, String key) {
        log.recordRefusal("ASSIGNMENT", a.getId(), a.getId(), key);
        return InvalidInputException.of(field, key);
    }

    public AppUser me(PortalUser me) {
        return em.getReference(AppUser.class, me.id());
    }

    /**
     * Moves an assignment's deadline for an approved extension (ExtensionService.decide, which checked the
     * request), keeping the old one in the deadline history; in the caller's transaction.
     */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public void extendDeadline(Assignment a, LocalDate newDeadline, String reason, AppUser by, long requestId) {
        LocalDate old = a.getDeadline();
        a.setDeadline(newDeadline);
        deadlines.save(new DeadlineChange(a, old, newDeadline, reason, by, requestId));
    }

    static String describe(Assignment a) {
        return "lead=" + a.getLeadUnit().getCode()
                + "; coordinators="
                + a.getCoordinators().stream().map(OrgUnit::getCode).sorted().collect(Collectors.joining(","))
                + "; deadline=" + (a.getDeadline() == null ? "-" : a.getDeadline())
                + "; period=" + (a.getReportingPeriod() == null ? "-" : a.getReportingPeriod())
                + "; leader=" + (a.getLeader() == null ? "-" : a.getLeader().getUsername())
                + "; document="
                + (a.getDocument() == null ? "-" : a.getDocument().getNumber())
                + "; output=" + a.getExpectedOutput();
    }
}
