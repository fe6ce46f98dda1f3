package vn.gov.moha.portal.task;

import java.time.Year;
import java.util.Comparator;
import java.util.List;
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

    /** The year people mean by "this year's tasks": the newest year that has begun, or the earliest one. */
    public Optional<ProgrammeYear> currentYear() {
        return current(years());
    }

    /** {@link #currentYear()} among years already read (newest first), for a screen that lists them anyway. */
    public static Optional<ProgrammeYear> current(List<ProgrammeYear> newestFirst) {
        int now = Year.now().getValue();
        return newestFirst.stream()
                .filter(y -> y.getYear() <= now)
                .findFirst()
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
     * Opens a new programme year. With {@code copyFrom}, its tasks start as a copy of that year's
     * list, to be edited; without, the list starts empty.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ProgrammeYear openYear(Integer year, Integer copyFrom) {
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
        ProgrammeYear created = years.save(new ProgrammeYear(year));
        if (copyFrom != null) {
            for (PriorityTask source : tasks.findByYear(copyFrom)) {
                PriorityTask copy = new PriorityTask(year, source.getNumber());
                copy.setTitleVi(source.getTitleVi());
                copy.setTitleEn(source.getTitleEn());
                copy.setDescription(source.getDescription());
                copy.setLeadUnit(source.getLeadUnit());
                copy.setLeadUnitProposed(source.isLeadUnitProposed());
                copy.setLeader(source.getLeader());
                tasks.save(copy);
            }
        }
        log.info("Programme year {} opened{}", year, copyFrom == null ? "" : " from " + copyFrom);
        return created;
    }
}
