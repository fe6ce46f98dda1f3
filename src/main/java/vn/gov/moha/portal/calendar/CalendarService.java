package vn.gov.moha.portal.calendar;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.security.CurrentUser;

/**
 * ADMIN keeps the working-day calendar: the listed days of each year, one by one or a whole year
 * from a file. Every rule is checked here, whatever screen or script calls; every change is logged.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class CalendarService {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private final CalendarDayRepository days;
    private final CalendarYearRepository years;
    private final WorkingDays workingDays;
    private final CalendarStore store;
    private final EventLog log;
    private final CurrentUser currentUser;

    CalendarService(
            CalendarDayRepository days,
            CalendarYearRepository years,
            WorkingDays workingDays,
            CalendarStore store,
            EventLog log,
            CurrentUser currentUser) {
        this.days = days;
        this.store = store;
        this.years = years;
        this.workingDays = workingDays;
        this.log = log;
        this.currentUser = currentUser;
    }

    /** The years that have a calendar, in order. */
    public List<Integer> years() {
        return years.years();
    }

    /** Where the year's days came from, or empty when the year has no calendar (weekends only). */
    public Optional<CalendarYear> year(int year) {
        return years.findById(year);
    }

    public List<CalendarDay> days(int year) {
        return days.findByYearOrderByDate(year);
    }

    /** Adds a day (id null) or changes one; a made-up working day must be a Saturday or Sunday. */
    @Transactional
    public CalendarDay save(DayDraft draft) {
        Problems problems = new Problems();
        if (draft.date() == null) {
            problems.add("date", "error.required");
        } else if (draft.date().getYear() < FIRST_YEAR || draft.date().getYear() > LAST_YEAR) {
            problems.add("date", "calendar.error.year");
        }
        if (draft.kind() == null) {
            problems.add("kind", "error.required");
        } else if (draft.kind() == DayKind.MAKEUP_DAY
                && draft.date() != null
                && !CalendarFile.isWeekend(draft.date())) {
            problems.add("kind", "calendar.error.makeupWeekday");
        }
        problems.requireText("name", draft.name(), CalendarFile.MAX_NAME)
                .optionalText("note", draft.note(), CalendarFile.MAX_NOTE);
        CalendarDay day = null;
        if (draft.id() != null) {
            day = days.findById(draft.id()).orElse(null);
            if (day == null) {
                throw InvalidInputException.of("version", "error.notFound");
            }
            if (day.getVersion() != draft.version()) {
                throw InvalidInputException.of("version", "error.stale");
            }
        }
        if (draft.date() != null && !problems.has("date")) {
            days.findByDate(draft.date())
                    .filter(d -> !d.getId().equals(draft.id()))
                    .ifPresent(d -> problems.add("date", "calendar.error.duplicate"));
        }
        problems.throwIfAny();

        String name = draft.name().strip();
        String note = Problems.clean(draft.note());
        String before = day == null ? null : day.describe();
        Integer oldYear = day == null ? null : day.getYear();
        if (day == null) {
            day = new CalendarDay(draft.date(), draft.kind(), name, note);
        } else {
            day.set(draft.date(), draft.kind(), name, note);
        }
        touchYear(draft.date().getYear(), CalendarYear.Source.EDIT, null);
        CalendarDay saved = days.saveAndFlush(day);
        if (oldYear != null && oldYear != saved.getYear()) {
            touchYear(oldYear, CalendarYear.Source.EDIT, null);
        }
        log.record(
                before == null ? "CALENDAR_ADD" : "CALENDAR_EDIT",
                "CALENDAR_DAY",
                saved.getId(),
                null,
                before,
                saved.describe());
        return saved;
    }

    @Transactional
    public void delete(@Nullable Long id, long version) {
        CalendarDay day = id == null ? null : days.findById(id).orElse(null);
        if (day == null) {
            throw InvalidInputException.of("version", "error.notFound");
        }
        if (day.getVersion() != version) {
            throw InvalidInputException.of("version", "error.stale");
        }
        days.delete(day);
        touchYear(day.getYear(), CalendarYear.Source.EDIT, null);
        log.record("CALENDAR_DELETE", "CALENDAR_DAY", day.getId(), null, day.describe(), null);
    }

    /**
     * Replaces the whole year with the days of a file; a file with any bad line is refused as a whole
     * ({@link CalendarFileException}, every bad line named) and nothing changes. Returns the number of days.
     */
    @Transactional
    public int replaceYear(int year, String fileName, byte[] content) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw InvalidInputException.of("year", "calendar.error.year");
        }
        List<CalendarFile.Entry> entries = CalendarFile.parse(year, content);
        String before = summary(days.findByYearOrderByDate(year));
        touchYear(year, CalendarYear.Source.UPLOAD, clip(fileName));
        store.replace(year, entries);
        log.record(
                "CALENDAR_UPLOAD",
                "CALENDAR_YEAR",
                (long) year,
                null,
                before,
                "file=" + clip(fileName) + "; " + summary(days.findByYearOrderByDate(year)));
        return entries.size();
    }

    /** The year's days as a file that {@link #replaceYear} accepts back unchanged. */
    public byte[] export(int year) {
        return CalendarFile.write(year, days.findByYearOrderByDate(year));
    }

    private void touchYear(int year, CalendarYear.Source source, String fileName) {
        CalendarYear y = years.findById(year).orElseGet(() -> new CalendarYear(year));
        y.touch(source, fileName, currentUser.require().getUsername());
        years.saveAndFlush(y);
        workingDays.forgetAfterCommit(year);
    }

    private static String summary(List<CalendarDay> list) {
        return "days=" + list.size() + "; dayList="
                + list.stream()
                        .map(d -> Formats.date(d.getDate()) + " " + d.getKind() + " " + d.getName())
                        .collect(Collectors.joining(", "));
    }

    private static String clip(String fileName) {
        String name = Problems.clean(fileName);
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }
}
