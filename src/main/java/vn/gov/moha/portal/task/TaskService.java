package vn.gov.moha.portal.task;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;

/** The priority tasks of each programme year: everyone reads them, ADMIN edits them and opens new years. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 4000;

    private final TaskRepository tasks;
    private final ProgrammeYearRepository years;
    private final UnitService units;
    private final UserService users;

    TaskService(TaskRepository tasks, ProgrammeYearRepository years, UnitService units, UserService users) {
        this.tasks = tasks;
        this.years = years;
        this.units = units;
        this.users = users;
    }

    /** Programme years, newest first. */
    public List<ProgrammeYear> years() {
        return years.findAll().stream()
                .sorted(Comparator.comparing(ProgrammeYear::getYear).reversed())
                .toList();
    }

    /**
     * The year people mean by "this year's tasks": the newest year that has begun and has tasks (a year just
     * opened, still empty, is not it, nor next year's list imported ahead); without one, the earliest year with
     * tasks; without any tasks, the newest year that has begun, or the earliest one.
     */
    public Optional<ProgrammeYear> currentYear() {
        return current(years());
    }

    /** {@link #currentYear()} among years already read (newest first), for a screen that lists them anyway. */
    public static Optional<ProgrammeYear> current(List<ProgrammeYear> newestFirst) {
        int now = Year.now().getValue();
        List<ProgrammeYear> withTasks =
                newestFirst.stream().filter(ProgrammeYear::hasTasks).toList();
        return withTasks.stream()
                .filter(y -> y.getYear() <= now)
                .findFirst()
                .or(() -> withTasks.isEmpty() ? Optional.empty() : Optional.of(withTasks.get(withTasks.size() - 1)))
                .or(() -> newestFirst.stream().filter(y -> y.getYear() <= now).findFirst())
                .or(() -> newestFirst.isEmpty()
                        ? Optional.empty()
                        : Optional.of(newestFirst.get(newestFirst.size() - 1)));
    }

    /** The tasks of a year whose number, title, lead unit or leader matches the query, with or without diacritics. */
    public List<PriorityTask> tasksOf(int year, String query) {
        return tasks.findByYear(year).stream()
                .filter(t -> SearchText.matches(t.getSearchText(), query))
                .toList();
    }

    public Optional<PriorityTask> find(@Nullable Long id) {
        return id == null ? Optional.empty() : tasks.findWithDetails(id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PriorityTask save(TaskDraft draft) {
        Problems problems = new Problems();
        if (!years.existsById(draft.year())) {
            problems.add("year", "error.notFound");
        }
        if (draft.number() == null) {
            problems.add("number", "error.required");
        } else if (draft.number() < 1 || draft.number() > 99) {
            problems.add("number", "task.error.number");
        } else {
            tasks.findByYearAndNumber(draft.year(), draft.number())
                    .filter(t -> !t.getId().equals(draft.id()))
                    .ifPresent(t -> problems.add("number", "task.error.numberTaken"));
        }
        problems.requireText("titleVi", draft.titleVi(), MAX_TITLE)
                .requireText("titleEn", draft.titleEn(), MAX_TITLE)
                .optionalLines("description", draft.description(), MAX_DESCRIPTION);
        OrgUnit lead = units.find(draft.leadUnitId()).orElse(null);
        if (lead == null) {
            problems.add("leadUnit", draft.leadUnitId() == null ? "error.required" : "error.notFound");
        } else if (lead.getKind() == UnitKind.PROVINCE) {
            problems.add("leadUnit", "task.error.leadUnitKind");
        }
        AppUser leader = users.find(draft.leaderId()).orElse(null);
        if (draft.leaderId() != null && (leader == null || !leader.getRoles().contains(Role.LEADER))) {
            problems.add("leader", "task.error.leader");
        }
        problems.throwIfAny();

        PriorityTask task = draft.id() == null
                ? new PriorityTask(draft.year(), draft.number())
                : tasks.findById(draft.id()).orElseThrow(() -> InvalidInputException.of("titleVi", "error.notFound"));
        if (task.getYear() != draft.year()) {
            throw InvalidInputException.of("year", "error.notFound");
        }
        task.setNumber(draft.number());
        task.setTitleVi(draft.titleVi().strip());
        task.setTitleEn(draft.titleEn().strip());
        task.setDescription(Problems.clean(draft.description()));
        task.setLeadUnit(lead);
        task.setLeader(leader);
        PriorityTask saved = tasks.save(task);
        log.info("Priority task {}/{} saved", saved.getYear(), saved.getNumber());
        return saved;
    }

    /**
     * The lead units of {@code copyFrom}'s tasks that are not valid in {@code year} (ended before its last day,
     * or not begun), each with its tasks and the successor that is, if the units' data names one.
     */
    public List<EndedLead> endedLeadUnits(@Nullable Integer year, @Nullable Integer copyFrom) {
        if (year == null || copyFrom == null) {
            return List.of();
        }
        Map<Long, OrgUnit> byId = new HashMap<>();
        units.all().forEach(u -> byId.put(u.getId(), u));
        Map<OrgUnit, List<Integer>> ended = new LinkedHashMap<>();
        for (PriorityTask t : tasks.findByYear(copyFrom)) {
            OrgUnit lead = byId.getOrDefault(t.getLeadUnit().getId(), t.getLeadUnit());
            if (!LeadUnits.validIn(lead, year)) {
                ended.computeIfAbsent(lead, u -> new ArrayList<>()).add(t.getNumber());
            }
        }
        return ended.entrySet().stream()
                .map(e -> new EndedLead(
                        e.getKey(),
                        List.copyOf(e.getValue()),
                        LeadUnits.successorIn(e.getKey(), year).orElse(null)))
                .toList();
    }

    /**
     * Opens a new programme year. With {@code copyFrom}, its tasks start as a copy of that year's list, to be
     * edited; a lead unit not valid in the new year must be replaced ({@code replacements}: ended unit's id to the
     * id of a unit valid in the year, its successor as {@link #endedLeadUnits} offers it, or another). Without
     * {@code copyFrom}, the list starts empty.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ProgrammeYear openYear(Integer year, @Nullable Integer copyFrom, @Nullable Map<Long, Long> replacements) {
        if (year == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "task.error.yearRange");
        }
        if (years.existsById(year)) {
            throw InvalidInputException.of("year", "task.error.yearExists");
        }
        if (copyFrom != null && !years.existsById(copyFrom)) {
            throw InvalidInputException.of("copyFrom", "error.notFound");
        }
        Map<Long, OrgUnit> replaced = replacements(year, copyFrom, replacements == null ? Map.of() : replacements);
        ProgrammeYear created = years.save(new ProgrammeYear(year));
        if (copyFrom != null) {
            for (PriorityTask source : tasks.findByYear(copyFrom)) {
                PriorityTask copy = new PriorityTask(year, source.getNumber());
                copy.setTitleVi(source.getTitleVi());
                copy.setTitleEn(source.getTitleEn());
                copy.setDescription(source.getDescription());
                OrgUnit replacement = replaced.get(source.getLeadUnit().getId());
                copy.setLeadUnit(replacement == null ? source.getLeadUnit() : replacement);
                copy.setLeadUnitProposed(replacement == null && source.isLeadUnitProposed());
                copy.setLeader(source.getLeader());
                copy.setDeadline(source.getDeadline());
                tasks.save(copy);
            }
        }
        log.info("Programme year {} opened{}", year, copyFrom == null ? "" : " from " + copyFrom);
        return created;
    }

    /** Every ended lead unit of the copied list needs a replacement valid in the year; nothing else may be replaced. */
    private Map<Long, OrgUnit> replacements(int year, @Nullable Integer copyFrom, Map<Long, Long> asked) {
        Map<Long, OrgUnit> replaced = new HashMap<>();
        Problems problems = new Problems();
        for (EndedLead ended : endedLeadUnits(year, copyFrom)) {
            Long id = asked.get(ended.unit().getId());
            OrgUnit replacement = units.find(id).orElse(null);
            if (replacement == null) {
                problems.add(
                        "copyFrom",
                        "task.error.copyEndedUnit",
                        ended.unit().getNameVi(),
                        ended.tasks().toString());
            } else if (!LeadUnits.validIn(replacement, year) || !LeadUnits.mayLead(replacement)) {
                problems.add(
                        "copyFrom", "task.error.replacementNotValid", replacement.getNameVi(), String.valueOf(year));
            } else {
                replaced.put(ended.unit().getId(), replacement);
            }
        }
        problems.throwIfAny();
        return replaced;
    }

    /** A lead unit of the copied list that is not valid in the new year, its tasks, and its successor if any. */
    public record EndedLead(
            OrgUnit unit, List<Integer> tasks, @Nullable OrgUnit successor) {}
}
