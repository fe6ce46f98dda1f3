package vn.gov.moha.portal.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.task.TaskImportPreview.Entry;
import vn.gov.moha.portal.task.TaskImportPreview.Problem;
import vn.gov.moha.portal.task.TaskSheet.Col;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;

/**
 * ADMIN imports a programme year's priority tasks from the ministry's own list (a workbook in the columns of
 * {@link TaskSheet}): a preview first, then all the tasks in one transaction, or none while any row is wrong.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class TaskImportService {

    private static final Logger log = LoggerFactory.getLogger(TaskImportService.class);
    static final int MAX_DEADLINE = 100;

    private final TaskRepository tasks;
    private final ProgrammeYearRepository years;
    private final UnitService units;
    private final UserService users;

    TaskImportService(TaskRepository tasks, ProgrammeYearRepository years, UnitService units, UserService users) {
        this.tasks = tasks;
        this.years = years;
        this.units = units;
        this.users = users;
    }

    /** The empty workbook with its header row (in the caller's language) and one example row. */
    public byte[] template(Function<String, String> translate) {
        return TaskSheet.template(translate);
    }

    /** Reads and checks the workbook for the year; saves nothing. */
    public TaskImportPreview preview(@Nullable Integer year, byte @Nullable [] content) {
        int y = checkYear(year);
        List<Problem> problems = new ArrayList<>();
        if (!tasks.findByYear(y).isEmpty()) {
            problems.add(Problem.ofFile("task.import.error.yearHasTasks"));
            return new TaskImportPreview(y, List.of(), problems);
        }
        List<TaskSheet.Line> lines;
        try {
            lines = TaskSheet.read(content);
        } catch (TaskSheet.Unreadable e) {
            return new TaskImportPreview(y, List.of(), List.of(Problem.ofFile(e.key)));
        }
        List<OrgUnit> allUnits = units.all();
        List<AppUser> leaders = users.leaders();
        Map<Integer, Integer> numbers = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (TaskSheet.Line line : lines) {
            entries.add(entry(y, line, allUnits, leaders, numbers, problems));
        }
        return new TaskImportPreview(y, entries, problems);
    }

    /**
     * Opens the year if it is new and saves every task of the workbook; refused as a whole
     * ({@link TaskImportException}) while any row is wrong. Returns the number of tasks saved.
     */
    @Transactional
    public int importYear(@Nullable Integer year, byte @Nullable [] content) {
        TaskImportPreview preview = preview(year, content);
        if (!preview.ok()) {
            throw new TaskImportException(preview);
        }
        if (!years.existsById(preview.year())) {
            years.save(new ProgrammeYear(preview.year()));
        }
        for (Entry e : preview.entries()) {
            PriorityTask task = new PriorityTask(preview.year(), Integer.parseInt(e.number()));
            task.setTitleVi(e.title());
            task.setTitleEn(e.titleEn() == null ? e.title() : e.titleEn());
            task.setDescription(e.description());
            task.setLeadUnit(e.leadUnit());
            task.setLeader(e.leader());
            task.setDeadline(e.deadline());
            tasks.save(task);
        }
        log.info(
                "Programme year {}: {} tasks imported",
                preview.year(),
                preview.entries().size());
        return preview.entries().size();
    }

    private static int checkYear(@Nullable Integer year) {
        if (year == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "task.error.yearRange");
        }
        return year;
    }

    private Entry entry(
            int year,
            TaskSheet.Line line,
            List<OrgUnit> allUnits,
            List<AppUser> leaders,
            Map<Integer, Integer> numbers,
            List<Problem> problems) {
        Rows rows = new Rows(line.line(), problems);
        String number = line.get(Col.NUMBER);
        if (number.isBlank()) {
            rows.add(Col.NUMBER, "error.required");
        } else if (!number.matches("\\d{1,2}") || Integer.parseInt(number) < 1) {
            rows.add(Col.NUMBER, "task.error.number");
        } else if (numbers.containsKey(Integer.parseInt(number))) {
            rows.add(
                    Col.NUMBER, "task.import.error.numberTwice", String.valueOf(numbers.get(Integer.parseInt(number))));
        } else {
            numbers.put(Integer.parseInt(number), line.line());
        }
        String title = line.get(Col.TITLE);
        rows.text(Col.TITLE, title, TaskService.MAX_TITLE, true, false);
        String titleEn = line.get(Col.TITLE_EN);
        rows.text(Col.TITLE_EN, titleEn, TaskService.MAX_TITLE, false, false);
        String description = line.get(Col.DESCRIPTION);
        rows.text(Col.DESCRIPTION, description, TaskService.MAX_DESCRIPTION, false, true);
        String deadline = line.get(Col.DEADLINE);
        rows.text(Col.DEADLINE, deadline, MAX_DEADLINE, false, false);
        OrgUnit lead = leadUnit(year, line.get(Col.LEAD_UNIT), allUnits, rows);
        AppUser leader = leader(line.get(Col.LEADER), leaders, rows);
        return new Entry(
                line.line(),
                number,
                title,
                Problems.clean(titleEn),
                Problems.clean(description),
                line.get(Col.LEAD_UNIT),
                lead,
                leader,
                Problems.clean(deadline));
    }

    /** By code, or by name (Vietnamese or English) without regard to diacritics or case. */
    private static @Nullable OrgUnit leadUnit(int year, String typed, List<OrgUnit> allUnits, Rows rows) {
        if (typed.isBlank()) {
            rows.add(Col.LEAD_UNIT, "error.required");
            return null;
        }
        String folded = SearchText.fold(typed);
        List<OrgUnit> matches = allUnits.stream()
                .filter(u -> u.getCode().equalsIgnoreCase(typed.strip())
                        || SearchText.fold(u.getNameVi()).equals(folded)
                        || (u.getNameEn() != null
                                && SearchText.fold(u.getNameEn()).equals(folded)))
                .toList();
        if (matches.isEmpty()) {
            rows.add(Col.LEAD_UNIT, "task.import.error.unitUnknown", typed);
            return null;
        }
        List<OrgUnit> valid =
                matches.stream().filter(u -> LeadUnits.validIn(u, year)).toList();
        if (valid.isEmpty()) {
            OrgUnit ended = matches.get(0);
            String end = ended.getValidTo() == null ? "" : Formats.date(ended.getValidTo());
            OrgUnit successor = LeadUnits.successorIn(ended, year).orElse(null);
            if (successor != null) {
                rows.add(
                        Col.LEAD_UNIT,
                        "task.import.error.unitEndedSuccessor",
                        ended.getNameVi(),
                        end,
                        successor.getCode() + " – " + successor.getNameVi());
            } else if (ended.getValidTo() == null) {
                rows.add(
                        Col.LEAD_UNIT,
                        "task.import.error.unitNotYet",
                        ended.getNameVi(),
                        Formats.date(ended.getValidFrom()));
            } else {
                rows.add(Col.LEAD_UNIT, "task.import.error.unitEnded", ended.getNameVi(), end);
            }
            return null;
        }
        if (valid.size() > 1) {
            rows.add(Col.LEAD_UNIT, "task.import.error.unitAmbiguous", typed);
            return null;
        }
        if (!LeadUnits.mayLead(valid.get(0))) {
            rows.add(Col.LEAD_UNIT, "task.error.leadUnitKind");
            return null;
        }
        return valid.get(0);
    }

    /** A leader of the ministry, by full name (with or without diacritics) or user name; may be left blank. */
    private static @Nullable AppUser leader(String typed, List<AppUser> leaders, Rows rows) {
        if (typed.isBlank()) {
            return null;
        }
        String folded = SearchText.fold(typed);
        List<AppUser> matches = leaders.stream()
                .filter(u -> u.getUsername().equalsIgnoreCase(typed.strip())
                        || SearchText.fold(u.getFullName()).equals(folded))
                .toList();
        if (matches.size() != 1) {
            rows.add(
                    Col.LEADER,
                    matches.isEmpty() ? "task.import.error.leaderUnknown" : "task.import.error.leaderAmbiguous",
                    typed);
            return null;
        }
        return matches.get(0);
    }

    /** The problems of one row, each with its column. */
    private record Rows(int line, List<Problem> problems) {

        Rows add(Col col, String key, String... args) {
            problems.add(new Problem(line, col.letter(), col.key(), key, List.of(args)));
            return this;
        }

        void text(Col col, String value, int max, boolean required, boolean lines) {
            if (value.isBlank()) {
                if (required) {
                    add(col, "error.required");
                }
                return;
            }
            String bad = TextRules.problem(value, lines);
            if (bad != null) {
                add(col, bad);
            } else if (TextRules.length(value) > max) {
                add(col, "task.import.error.tooLong", String.valueOf(max));
            }
        }
    }
}
