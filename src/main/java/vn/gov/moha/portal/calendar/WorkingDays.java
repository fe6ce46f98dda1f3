package vn.gov.moha.portal.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days on the Vietnamese civil-service calendar (weekdays, minus days off, plus make-up days), each year
 * kept in memory; open to every caller. Caching across nodes and the rest: docs/decisions/0006-working-day-calendar.md.
 */
@Service
public class WorkingDays {

    /** Far more steps than any real deadline needs; stops a calendar with no working day at all. */
    private static final int MAX_STEPS = 366 * 200;

    private record Year(boolean known, Set<LocalDate> off, Set<LocalDate> worked, long loadedAt) {}

    private final CalendarDayRepository days;
    private final CalendarYearRepository years;
    private final long maxAgeNanos;
    private final Map<Integer, Year> cache = new ConcurrentHashMap<>();
    /** Counts edits, so a year read while an edit commits is not kept. */
    private final AtomicLong edits = new AtomicLong();

    WorkingDays(CalendarDayRepository days, CalendarYearRepository years, CalendarProperties calendar) {
        this.days = days;
        this.years = years;
        this.maxAgeNanos = Duration.ofSeconds(calendar.cacheSeconds()).toNanos();
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = year(date.getYear());
        if (year.off().contains(date)) {
            return false;
        }
        return year.worked().contains(date) || !CalendarFile.isWeekend(date);
    }

    /**
     * The n-th working day after {@code date} (before it when n is negative); {@code date} itself when
     * n is 0. Adding 1 to Wednesday 7/2/2024 gives Thursday 15/2/2024, after Tết.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        Objects.requireNonNull(date, "date");
        int step = n < 0 ? -1 : 1;
        LocalDate day = date;
        int left = Math.abs(n);
        int steps = 0;
        while (left > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
            if (++steps > MAX_STEPS) {
                throw new IllegalStateException("No working day within " + MAX_STEPS + " days of " + date);
            }
        }
        return day;
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /**
     * Working days after {@code from} up to and including {@code to}: how many working days are left
     * from today to a deadline. Negative when {@code to} is before {@code from}, 0 when they are equal.
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Whether the year has a calendar; without one only weekends are days off. */
    public boolean hasCalendar(int year) {
        return year(year).known();
    }

    /** The years from {@code from} to {@code to} (in either order) that have no calendar, in order. */
    public List<Integer> yearsWithoutCalendar(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        return IntStream.rangeClosed(first, last)
                .filter(y -> !hasCalendar(y))
                .boxed()
                .toList();
    }

    /** Forgets the year once the caller's transaction commits (at once without a transaction). */
    void forgetAfterCommit(int year) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(year);
                }
            });
        } else {
            forget(year);
        }
    }

    private void forget(int year) {
        edits.incrementAndGet();
        cache.remove(year);
    }

    private Year year(int year) {
        Year cached = cache.get(year);
        if (cached != null && System.nanoTime() - cached.loadedAt() < maxAgeNanos) {
            return cached;
        }
        long editsBefore = edits.get();
        Year loaded = load(year);
        if (edits.get() == editsBefore) {
            cache.put(year, loaded);
        }
        return loaded;
    }

    private Year load(int year) {
        long now = System.nanoTime();
        boolean known = years.existsById(year);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        if (known) {
            for (CalendarDay d : days.findByYearOrderByDate(year)) {
                (d.getKind() == DayKind.HOLIDAY ? off : worked).add(d.getDate());
            }
        }
        return new Year(known, Set.copyOf(off), Set.copyOf(worked), now);
    }
}
