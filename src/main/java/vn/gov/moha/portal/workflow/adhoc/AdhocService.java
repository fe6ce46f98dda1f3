package vn.gov.moha.portal.workflow.adhoc;

import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Lateness;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Page;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Summary;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Work;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.WorkKind;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;

/**
 * Ad hoc and thematic reports (báo cáo đột xuất, chuyên đề). A MANAGER asks units of the ministry or
 * provinces for a report by a working day; each asked unit's officer writes the answer and attaches files, its
 * head sends it; a manager of the asking department accepts it or returns it with a reason. Who sees what:
 * leaders and ADMIN every request; a manager their department's; a unit's staff the requests asked of their
 * unit, and of each only their own unit's answer. Anything else is "not found", and the attempt is logged.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AdhocService {

    public static final int MAX_TITLE = 500;
    public static final int MAX_CONTENT = 4000;
    public static final int MAX_TEXT = 8000;
    public static final int MAX_REASON = 2000;

    private final AdhocRepository requests;
    private final AdhocAnswerRepository answers;
    private final AdhocFileRepository files;
    private final FileStore uploads;
    private final UnitService units;
    private final WorkingDays workingDays;
    private final CurrentUser currentUser;
    private final EventLog log;
    private final ApplicationEventPublisher events;
    private final EntityManager em;

    AdhocService(
            AdhocRepository requests,
            AdhocAnswerRepository answers,
            AdhocFileRepository files,
            FileStore uploads,
            UnitService units,
            WorkingDays workingDays,
            CurrentUser currentUser,
            EventLog log,
            ApplicationEventPublisher events,
            EntityManager em) {
        this.requests = requests;
        this.answers = answers;
        this.files = files;
        this.uploads = uploads;
        this.units = units;
        this.workingDays = workingDays;
        this.currentUser = currentUser;
        this.log = log;
        this.events = events;
        this.em = em;
    }

    /**
     * Asks every chosen unit in one action (one answer row each), with the template file if given; all or
     * nothing. The due date may not be past, and must be a working day (a day off is refused, naming the next
     * working day): units answer through their head, who is not at work on a day off.
     */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public AdhocRequest create(AdhocDraft draft) {
        PortalUser me = currentUser.require();
        LocalDate today = LocalDate.now();
        Problems problems = new Problems();
        if (draft.kind() == null) {
            problems.add("kind", "error.required");
        }
        problems.requireText("title", draft.title(), MAX_TITLE).requireLines("content", draft.content(), MAX_CONTENT);
        LocalDate due = draft.due();
        if (due == null) {
            problems.add("due", "error.required");
        } else if (due.isBefore(today)) {
            problems.add("due", "adhoc.error.duePast");
        } else if (!workingDays.isWorkingDay(due)) {
            problems.add("due", "adhoc.error.dueDayOff", Formats.date(workingDays.nextWorkingDay(due)));
        }
        Set<Long> ids = draft.unitIds() == null ? Set.of() : draft.unitIds();
        List<OrgUnit> asked = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.add("units", "adhoc.error.unitsRequired");
        }
        for (Long id : new HashSet<>(ids)) {
            units.find(id)
                    .filter(u -> u.isValidOn(today) && u.getKind() != UnitKind.MINISTRY)
                    .ifPresentOrElse(asked::add, () -> problems.add("units", "assignment.error.unitNotValid"));
        }
        if (me.unitId() == null) {
            problems.add("units", "adhoc.error.noDepartment");
        }
        problems.throwIfAny();
        asked.sort((x, y) -> x.getCode().compareTo(y.getCode()));
        AppUser by = user(me);
        AdhocRequest request = requests.save(new AdhocRequest(
                draft.kind(),
                draft.title().strip(),
                draft.content().strip(),
                due,
                em.getReference(OrgUnit.class, me.unitId()),
                by));
        for (OrgUnit unit : asked) {
            answers.save(new AdhocAnswer(request, unit));
        }
        if (draft.templateName() != null || draft.template() != null) {
            files.save(new AdhocFile(
                    request,
                    null,
                    uploads.store(
                            "file", draft.templateName(), draft.template(), FileTypes.EVIDENCE, "file.error.type"),
                    by));
        }
        log.record(
                "ADHOC_ASK",
                "ADHOC",
                request.getId(),
                null,
                null,
                "kind=" + request.getKind() + "; due=" + due + "; units="
                        + String.join(",", asked.stream().map(OrgUnit::getCode).toList()) + "; title="
                        + request.getTitle());
        Set<Long> unitIds = new LinkedHashSet<>();
        asked.forEach(u -> unitIds.add(u.getId()));
        events.publishEvent(new WorkflowEvents.AdhocAsked(request.getId(), request.getTitle(), due, unitIds, me.id()));
        return request;
    }

    /**
     * Changes a request after it was made: its due date (the rules of {@link #create}), and its units. The set
     * given is every unit to be asked from now on: new ones are asked (an answer row each, and the notice the
     * first ones got), missing ones are no longer asked, unless their answer was ever sent (sent, accepted, or
     * returned to be corrected): that is refused, naming the unit. Only a manager of the asking department; a
     * reason is required and kept with the before and after in the event log; all or nothing.
     */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public AdhocRequest change(AdhocChange change) {
        PortalUser me = currentUser.require();
        AdhocRequest r = change.requestId() == null
                ? null
                : requests.findWithDetails(change.requestId()).orElse(null);
        if (r == null) {
            throw InvalidInputException.of("request", "adhoc.notFound");
        }
        if (!manages(me, r)) {
            throw refused("ADHOC", r.getId(), "request");
        }
        if (r.getVersion() != change.version()) {
            throw InvalidInputException.of("version", "error.stale");
        }
        LocalDate today = LocalDate.now();
        List<AdhocAnswer> current = answers.findByRequest(r.getId());
        Set<Long> wanted = change.unitIds() == null ? Set.of() : change.unitIds();
        Set<Long> had = new HashSet<>();
        current.forEach(a -> had.add(a.getUnit().getId()));
        Problems problems = new Problems();
        List<OrgUnit> added = new ArrayList<>();
        for (Long id : wanted) {
            if (!had.contains(id)) {
                units.find(id)
                        .filter(u -> u.isValidOn(today) && u.getKind() != UnitKind.MINISTRY)
                        .ifPresentOrElse(added::add, () -> problems.add("units", "assignment.error.unitNotValid"));
            }
        }
        List<AdhocAnswer> removed = new ArrayList<>();
        for (AdhocAnswer a : current) {
            if (!wanted.contains(a.getUnit().getId())) {
                if (a.getFirstSentAt() != null) {
                    problems.add(
                            "units", "adhoc.error.unitAnswered", a.getUnit().getNameVi());
                }
                removed.add(a);
            }
        }
        if (wanted.isEmpty()) {
            problems.add("units", "adhoc.error.unitsRequired");
        }
        LocalDate due = change.due();
        if (due == null) {
            problems.add("due", "error.required");
        } else if (!due.equals(r.getDueDate()) || !added.isEmpty()) {
            // a new date, or new units, who could not answer by a date already past
            if (due.isBefore(today)) {
                problems.add("due", "adhoc.error.duePast");
            } else if (!workingDays.isWorkingDay(due)) {
                problems.add("due", "adhoc.error.dueDayOff", Formats.date(workingDays.nextWorkingDay(due)));
            }
        }
        problems.requireLines("reason", change.reason(), MAX_REASON).throwIfAny();
        if (due.equals(r.getDueDate()) && added.isEmpty() && removed.isEmpty()) {
            return r; // nothing changes: no entry in the log
        }
        added.sort((x, y) -> x.getCode().compareTo(y.getCode()));
        String before =
                "due=" + r.getDueDate() + "; units=" + codes(current.stream().map(AdhocAnswer::getUnit));
        r.moveDue(due);
        answers.deleteAll(removed);
        added.forEach(u -> answers.save(new AdhocAnswer(r, u)));
        em.lock(r, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT); // units alone change no column
        requests.saveAndFlush(r);
        List<OrgUnit> now = new ArrayList<>(current.stream()
                .filter(a -> !removed.contains(a))
                .map(AdhocAnswer::getUnit)
                .toList());
        now.addAll(added);
        log.record(
                "ADHOC_EDIT",
                "ADHOC",
                r.getId(),
                null,
                before,
                "due=" + due + "; units=" + codes(now.stream()) + "; added=" + codes(added.stream()) + "; removed="
                        + codes(removed.stream().map(AdhocAnswer::getUnit)) + "; reason="
                        + change.reason().strip());
        if (!added.isEmpty()) {
            Set<Long> unitIds = new LinkedHashSet<>();
            added.forEach(u -> unitIds.add(u.getId()));
            events.publishEvent(new WorkflowEvents.AdhocAsked(r.getId(), r.getTitle(), due, unitIds, me.id()));
        }
        return r;
    }

    /** "SNV-01,SNV-68" in code order, "-" for none (as the event log writes "none"). */
    private static String codes(java.util.stream.Stream<OrgUnit> units) {
        List<String> codes = units.map(OrgUnit::getCode).sorted().toList();
        return codes.isEmpty() ? "-" : String.join(",", codes);
    }

    /**
     * One page of the requests the caller sees (from row {@code offset}, at most {@code limit}), the latest due
     * first, with their counts by state (see {@link Summary}).
     */
    public List<Summary> summaries(int offset, int limit) {
        PortalUser me = currentUser.require();
        LocalDate today = LocalDate.now();
        Scope scope = scope(me);
        int size = Math.max(1, limit);
        List<AdhocRequest> visible = requests.findVisible(
                scope.all(), scope.deptId(), scope.unitId(), PageRequest.of(Math.max(0, offset) / size, size));
        Map<Long, AdhocAnswer> mine = new HashMap<>();
        if (scope.unitId() >= 0 && !visible.isEmpty()) {
            answers.findOfUnitTo(
                            scope.unitId(),
                            visible.stream().map(AdhocRequest::getId).toList())
                    .forEach(a -> mine.put(a.getRequest().getId(), a));
        }
        List<Long> overseen = visible.stream()
                .filter(r -> oversees(me, r))
                .map(AdhocRequest::getId)
                .toList();
        Map<Long, Map<AdhocAnswer.Status, Long>> byStatus = new HashMap<>();
        if (!overseen.isEmpty()) {
            for (Object[] row : requests.countByStatus(overseen)) {
                byStatus.computeIfAbsent((Long) row[0], k -> new EnumMap<>(AdhocAnswer.Status.class))
                        .put((AdhocAnswer.Status) row[1], ((Number) row[2]).longValue());
            }
        }
        List<Summary> list = new ArrayList<>();
        for (AdhocRequest r : visible) {
            Map<AdhocState, Long> counts = new EnumMap<>(AdhocState.class);
            for (AdhocState s : AdhocState.values()) {
                counts.put(s, 0L);
            }
            AdhocAnswer own = mine.get(r.getId());
            if (oversees(me, r)) {
                boolean past = today.isAfter(r.getDueDate());
                byStatus.getOrDefault(r.getId(), Map.of())
                        .forEach((status, n) -> counts.merge(
                                switch (status) {
                                    case PENDING, DRAFTED -> past ? AdhocState.OVERDUE : AdhocState.NOT_SENT;
                                    case SENT -> AdhocState.SENT;
                                    case ACCEPTED -> AdhocState.ACCEPTED;
                                    case RETURNED -> AdhocState.RETURNED;
                                },
                                n,
                                Long::sum));
            } else if (own != null) {
                counts.put(own.state(today), 1L);
            }
            list.add(new Summary(r, counts, own));
        }
        return list;
    }

    /** How many requests {@link #summaries} has in all, counted by the database. */
    public long countSummaries() {
        Scope scope = scope(currentUser.require());
        return requests.countVisible(scope.all(), scope.deptId(), scope.unitId());
    }

    /** A request's page as the caller may see it; empty when it does not exist or is not theirs to see. */
    public Optional<Page> page(@Nullable Long id) {
        PortalUser me = currentUser.require();
        AdhocRequest r = id == null ? null : requests.findWithDetails(id).orElse(null);
        if (r == null) {
            return Optional.empty();
        }
        boolean oversees = oversees(me, r);
        List<AdhocAnswer> visible = answers.findByRequest(r.getId()).stream()
                .filter(a -> oversees || staffOf(me, a))
                .toList();
        if (!oversees && visible.isEmpty()) {
            log.recordRefusal("ADHOC", r.getId(), null, "adhoc.notFound");
            return Optional.empty();
        }
        Set<Long> answerIds = new HashSet<>();
        visible.forEach(a -> answerIds.add(a.getId()));
        AdhocFile template = null;
        Map<Long, List<AdhocFile>> byAnswer = new HashMap<>();
        for (AdhocFile f : files.findByRequest(r.getId())) {
            if (f.getAnswer() == null) {
                template = f;
            } else if (answerIds.contains(f.getAnswer().getId())) {
                byAnswer.computeIfAbsent(f.getAnswer().getId(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        boolean own = !oversees || visible.size() == 1 && staffOf(me, visible.get(0));
        return Optional.of(new Page(
                r,
                visible,
                template,
                byAnswer,
                manages(me, r),
                own && me.has(Role.UNIT_OFFICER),
                own && me.has(Role.UNIT_HEAD)));
    }

    /** The unit's officer writes (or corrects) the answer; it then waits for the unit's head to send it. */
    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public AdhocAnswer saveDraft(@Nullable Long answerId, long version, @Nullable String text) {
        PortalUser me = currentUser.require();
        AdhocAnswer a = ownAnswer(me, answerId, "text");
        fresh(a, version);
        if (!a.getStatus().editable()) {
            throw InvalidInputException.of("text", "adhoc.error.notEditable");
        }
        new Problems().requireLines("text", text, MAX_TEXT).throwIfAny();
        a.draft(text.strip(), user(me));
        answers.saveAndFlush(a);
        log.record(
                "ADHOC_DRAFT",
                "ADHOC_ANSWER",
                a.getId(),
                null,
                null,
                "length=" + text.strip().length());
        return a;
    }

    /** Attaches a file to the answer while the unit may still write it (the checks of evidence files). */
    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public AdhocFile addFile(@Nullable Long answerId, @Nullable String fileName, @Nullable InputStream content) {
        PortalUser me = currentUser.require();
        AdhocAnswer a = ownAnswer(me, answerId, "file");
        if (!a.getStatus().editable()) {
            throw InvalidInputException.of("file", "adhoc.error.notEditable");
        }
        AdhocFile file = files.save(new AdhocFile(
                a.getRequest(),
                a,
                uploads.store("file", fileName, content, FileTypes.EVIDENCE, "file.error.type"),
                user(me)));
        log.record(
                "FILE_ADD",
                "ADHOC_FILE",
                file.getId(),
                null,
                null,
                file.getOriginalName() + " (" + file.getFile().getContentType() + ", "
                        + file.getFile().getSizeBytes() + " bytes)");
        return file;
    }

    @PreAuthorize("hasRole('UNIT_OFFICER')")
    @Transactional
    public void removeFile(@Nullable Long fileId) {
        PortalUser me = currentUser.require();
        AdhocFile file = visibleFile(me, fileId);
        AdhocAnswer a = file.getAnswer();
        if (a == null || !staffOf(me, a)) {
            throw refused("ADHOC_FILE", fileId, "file");
        }
        if (!a.getStatus().editable()) {
            throw InvalidInputException.of("file", "adhoc.error.notEditable");
        }
        file.remove();
        log.record("FILE_REMOVE", "ADHOC_FILE", file.getId(), null, file.getOriginalName(), null);
    }

    /** The unit's head sends the written answer to the asking department (again, after a return). */
    @PreAuthorize("hasRole('UNIT_HEAD')")
    @Transactional
    public AdhocAnswer send(@Nullable Long answerId, long version) {
        PortalUser me = currentUser.require();
        AdhocAnswer a = ownAnswer(me, answerId, "send");
        fresh(a, version);
        if (a.getStatus() != AdhocAnswer.Status.DRAFTED) {
            throw InvalidInputException.of(
                    "send",
                    a.getStatus() == AdhocAnswer.Status.SENT || a.getStatus() == AdhocAnswer.Status.ACCEPTED
                            ? "adhoc.error.alreadySent"
                            : "adhoc.error.notDrafted");
        }
        a.send(user(me));
        answers.saveAndFlush(a);
        log.record("ADHOC_SEND", "ADHOC_ANSWER", a.getId(), null, null, "round=" + a.getRound());
        AdhocRequest r = a.getRequest();
        events.publishEvent(new WorkflowEvents.AdhocSent(
                r.getId(),
                a.getId(),
                r.getTitle(),
                a.getUnit().getNameVi(),
                a.getRound(),
                r.getDept().getId(),
                me.id()));
        return a;
    }

    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public AdhocAnswer accept(@Nullable Long answerId, long version) {
        return decide(answerId, version, true, null);
    }

    /** Returns the answer to its unit with a reason (required), to be corrected and sent again. */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public AdhocAnswer returnAnswer(@Nullable Long answerId, long version, @Nullable String reason) {
        return decide(answerId, version, false, reason);
    }

    private AdhocAnswer decide(@Nullable Long answerId, long version, boolean accept, @Nullable String reason) {
        PortalUser me = currentUser.require();
        AdhocAnswer a = visibleAnswer(me, answerId, "decision");
        if (!manages(me, a.getRequest())) {
            throw refused("ADHOC_ANSWER", a.getId(), "decision");
        }
        fresh(a, version);
        Problems problems = new Problems();
        if (a.getStatus() != AdhocAnswer.Status.SENT) {
            problems.add("decision", "adhoc.error.notSent");
        }
        if (!accept) {
            problems.requireLines("reason", reason, MAX_REASON);
        }
        problems.throwIfAny();
        a.decide(accept, Problems.clean(reason), user(me));
        answers.saveAndFlush(a);
        log.record(
                accept ? "ADHOC_ACCEPT" : "ADHOC_RETURN",
                "ADHOC_ANSWER",
                a.getId(),
                null,
                null,
                "round=" + a.getRound() + (accept ? "" : "; reason=" + a.getReturnReason()));
        events.publishEvent(new WorkflowEvents.AdhocDecided(
                a.getRequest().getId(),
                a.getId(),
                a.getRequest().getTitle(),
                a.getUnit().getId(),
                a.getRound(),
                accept,
                me.id()));
        return a;
    }

    /** A file's name, type and bytes, for whoever may see its request (and, for an answer's file, that answer). */
    public FileStore.Download download(@Nullable Long fileId) {
        AdhocFile f = visibleFile(currentUser.require(), fileId);
        return uploads.download(f.getFile());
    }

    /** What waits for the caller: answers to write or correct (officer), to send (head), to accept (manager). */
    public List<Work> work() {
        PortalUser me = currentUser.require();
        List<Work> work = new ArrayList<>();
        if (me.unitId() == null) {
            return work;
        }
        if (me.has(Role.UNIT_OFFICER)) {
            for (AdhocAnswer a :
                    answers.findOfUnit(me.unitId(), AdhocAnswer.Status.PENDING, AdhocAnswer.Status.RETURNED)) {
                work.add(new Work(
                        a.getStatus() == AdhocAnswer.Status.RETURNED ? WorkKind.ADHOC_FIX : WorkKind.ADHOC_WRITE, a));
            }
        }
        if (me.has(Role.UNIT_HEAD)) {
            answers.findOfUnit(me.unitId(), AdhocAnswer.Status.DRAFTED, null)
                    .forEach(a -> work.add(new Work(WorkKind.ADHOC_SEND, a)));
        }
        if (me.has(Role.MANAGER)) {
            answers.findSentToDept(me.unitId()).forEach(a -> work.add(new Work(WorkKind.ADHOC_ACCEPT, a)));
        }
        return work;
    }

    /** How many {@link #work} items there are, counted by the database (the menu's badge). */
    public long countWork() {
        PortalUser me = currentUser.require();
        if (me.unitId() == null) {
            return 0;
        }
        long n = 0;
        if (me.has(Role.UNIT_OFFICER)) {
            n += answers.countOfUnit(me.unitId(), AdhocAnswer.Status.PENDING, AdhocAnswer.Status.RETURNED);
        }
        if (me.has(Role.UNIT_HEAD)) {
            n += answers.countOfUnit(me.unitId(), AdhocAnswer.Status.DRAFTED, null);
        }
        if (me.has(Role.MANAGER)) {
            n += answers.countSentToDept(me.unitId());
        }
        return n;
    }

    /**
     * The late answers to the requests due in the year or later that the caller sees (the dashboard's figure: like
     * its periodic reports, a programme year's work is followed on after the year).
     */
    public Lateness lateness(int year) {
        Scope s = scope(currentUser.require());
        Object[] row = requests.lateness(
                        LocalDate.of(Math.max(year, 1), 1, 1),
                        LocalDate.of(9999, 12, 31),
                        LocalDate.now(),
                        s.all(),
                        s.deptId(),
                        s.unitId())
                .get(0);
        return new Lateness(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Which requests a person sees: all (leaders, ADMIN), a department's (managers), a unit's (its staff); -1 none. */
    private record Scope(boolean all, long deptId, long unitId) {}

    private static Scope scope(PortalUser me) {
        long unit = me.unitId() == null ? -1 : me.unitId();
        return new Scope(
                me.has(Role.LEADER) || me.has(Role.ADMIN),
                me.has(Role.MANAGER) ? unit : -1,
                me.has(Role.UNIT_OFFICER) || me.has(Role.UNIT_HEAD) ? unit : -1);
    }

    /** A manager of the department that asked. */
    private static boolean manages(PortalUser me, AdhocRequest r) {
        return me.has(Role.MANAGER)
                && me.unitId() != null
                && me.unitId().equals(r.getDept().getId());
    }

    /** Sees every unit's answer: leaders, ADMIN and the asking department's managers. */
    private static boolean oversees(PortalUser me, AdhocRequest r) {
        return me.has(Role.LEADER) || me.has(Role.ADMIN) || manages(me, r);
    }

    /** An officer or the head of the answering unit. */
    private static boolean staffOf(PortalUser me, AdhocAnswer a) {
        return (me.has(Role.UNIT_OFFICER) || me.has(Role.UNIT_HEAD))
                && me.unitId() != null
                && me.unitId().equals(a.getUnit().getId());
    }

    private AdhocAnswer visibleAnswer(PortalUser me, @Nullable Long id, String field) {
        AdhocAnswer a = id == null ? null : answers.findWithDetails(id).orElse(null);
        if (a == null) {
            throw InvalidInputException.of(field, "adhoc.notFound");
        }
        if (!oversees(me, a.getRequest()) && !staffOf(me, a)) {
            throw refused("ADHOC_ANSWER", id, field);
        }
        return a;
    }

    /** An answer of the caller's own unit; anyone else's is "not found" (and the attempt is logged). */
    private AdhocAnswer ownAnswer(PortalUser me, @Nullable Long id, String field) {
        AdhocAnswer a = visibleAnswer(me, id, field);
        if (!staffOf(me, a)) {
            throw refused("ADHOC_ANSWER", id, field);
        }
        return a;
    }

    private AdhocFile visibleFile(PortalUser me, @Nullable Long id) {
        AdhocFile f = id == null ? null : files.findWithDetails(id).orElse(null);
        if (f == null) {
            throw InvalidInputException.of("file", "file.error.notFound");
        }
        AdhocAnswer a = f.getAnswer();
        boolean sees = oversees(me, f.getRequest())
                || (a == null
                        ? answers.findByRequest(f.getRequest().getId()).stream().anyMatch(x -> staffOf(me, x))
                        : staffOf(me, a));
        if (!sees) {
            throw refused("ADHOC_FILE", id, "file");
        }
        return f;
    }

    private InvalidInputException refused(String type, @Nullable Long id, String field) {
        log.recordRefusal(type, id, null, "adhoc.notFound");
        return InvalidInputException.of(field, "file".equals(field) ? "file.error.notFound" : "adhoc.notFound");
    }

    private static void fresh(AdhocAnswer a, long version) {
        if (a.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
    }

    private AppUser user(PortalUser me) {
        return em.getReference(AppUser.class, me.id());
    }
}
