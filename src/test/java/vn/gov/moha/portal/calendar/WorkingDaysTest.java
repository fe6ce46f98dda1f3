package vn.gov.moha.portal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/**
 * Working days on the shipped 2024 and 2025 calendars (loaded on start from calendar/*.csv): across
 * Tết, the swapped days off and the Saturdays worked for them, Giỗ Tổ and Quốc khánh, and a year with
 * no calendar. Expected values are counted by hand on a paper calendar, not by the code under test.
 */
@PortalTest
class WorkingDaysTest extends KaribuTest {

    /** A year no shipped file covers. */
    static final int NO_FILE = 2090;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    CalendarService calendar;

    @Autowired
    JdbcTemplate jdbc;

    private static LocalDate d(String ddMMyyyy) {
        String[] p = ddMMyyyy.split("/");
        return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
    }

    @AfterEach
    void removeTestYears() {
        jdbc.update("delete from calendar_day where calendar_year >= ?", NO_FILE);
        jdbc.update("delete from calendar_year where calendar_year >= ?", NO_FILE);
        workingDays.forgetAfterCommit(NO_FILE);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // Tết Giáp Thìn: off Thu 8/2 to Wed 14/2/2024
        "07/02/2024, 1, 15/02/2024",
        "07/02/2024, 2, 16/02/2024",
        "15/02/2024, -1, 07/02/2024",
        // Tết Ất Tỵ: off Sat 25/1 to Sun 2/2/2025, weekdays 27/1 to 31/1
        "24/01/2025, 1, 03/02/2025",
        "03/02/2025, -1, 24/01/2025",
        // 30/4 - 1/5/2024: Mon 29/4 off, worked on Sat 4/5 instead
        "26/04/2024, 1, 02/05/2024",
        "03/05/2024, 1, 04/05/2024",
        "04/05/2024, 1, 06/05/2024",
        // 30/4 - 1/5/2025: Fri 2/5 off, worked on Sat 26/4 instead
        "25/04/2025, 1, 26/04/2025",
        "26/04/2025, 1, 28/04/2025",
        "29/04/2025, 1, 05/05/2025",
        // Giỗ Tổ: Thu 18/4/2024, Mon 7/4/2025
        "17/04/2024, 1, 19/04/2024",
        "04/04/2025, 1, 08/04/2025",
        // Quốc khánh: Mon 2/9 and Tue 3/9/2024; Mon 1/9 and Tue 2/9/2025
        "30/08/2024, 1, 04/09/2024",
        "29/08/2025, 1, 03/09/2025",
        // Tết Dương lịch across the turn of the year
        "29/12/2023, 1, 02/01/2024",
        "31/12/2024, 1, 02/01/2025",
        "31/12/2024, 0, 31/12/2024"
    })
    void addWorkingDaysSkipsHolidaysAndCountsMakeUpSaturdays(String from, int n, String expected) {
        assertThat(workingDays.addWorkingDays(d(from), n)).isEqualTo(d(expected));
        assertThat(workingDays.workingDaysBetween(d(from), d(expected))).isEqualTo(n);
    }

    @Test
    void swappedDaysOffAndMadeUpSaturdays() {
        assertThat(workingDays.isWorkingDay(d("04/05/2024")))
                .as("Sat 4/5/2024, worked for Mon 29/4")
                .isTrue();
        assertThat(workingDays.isWorkingDay(d("29/04/2024")))
                .as("Mon 29/4/2024, swapped day off")
                .isFalse();
        assertThat(workingDays.isWorkingDay(d("26/04/2025")))
                .as("Sat 26/4/2025, worked for Fri 2/5")
                .isTrue();
        assertThat(workingDays.isWorkingDay(d("02/05/2025")))
                .as("Fri 2/5/2025, swapped day off")
                .isFalse();
        assertThat(workingDays.isWorkingDay(d("11/05/2024")))
                .as("an ordinary Saturday")
                .isFalse();
        assertThat(workingDays.nextWorkingDay(d("26/04/2024"))).isEqualTo(d("02/05/2024"));
    }

    @Test
    void holidaysAreDaysOff() {
        for (String day : List.of(
                "01/01/2024",
                "08/02/2024",
                "14/02/2024",
                "18/04/2024",
                "30/04/2024",
                "01/05/2024",
                "02/09/2024",
                "03/09/2024",
                "01/01/2025",
                "27/01/2025",
                "31/01/2025",
                "07/04/2025",
                "30/04/2025",
                "01/05/2025",
                "01/09/2025",
                "02/09/2025")) {
            assertThat(workingDays.isWorkingDay(d(day))).as(day).isFalse();
        }
        for (String day : List.of(
                "02/01/2024",
                "07/02/2024",
                "15/02/2024",
                "19/04/2024",
                "04/09/2024",
                "02/01/2025",
                "24/01/2025",
                "03/02/2025",
                "08/04/2025",
                "03/09/2025")) {
            assertThat(workingDays.isWorkingDay(d(day))).as(day).isTrue();
        }
    }

    /**
     * 2024: 262 weekdays (366 days from a Monday), minus 12 weekday holidays (1/1; 8, 9, 12, 13, 14/2;
     * 18/4, 29/4, 30/4, 1/5; 2/9, 3/9), plus Saturday 4/5 = 251. 2025: 261 weekdays (365 days from a
     * Wednesday), minus 12 (1/1; 27-31/1; 7/4; 30/4, 1/5, 2/5; 1/9, 2/9), plus Saturday 26/4 = 250.
     */
    @Test
    void workingDaysInEachShippedYear() {
        int y2024 = workingDays.workingDaysBetween(d("31/12/2023"), d("31/12/2024"));
        int y2025 = workingDays.workingDaysBetween(d("31/12/2024"), d("31/12/2025"));
        System.out.printf("working days: 2024 = %d, 2025 = %d%n", y2024, y2025);
        assertThat(y2024).isEqualTo(251);
        assertThat(y2025).isEqualTo(250);
        assertThat(workingDays.workingDaysBetween(d("31/12/2025"), d("31/12/2023")))
                .isEqualTo(-(251 + 250));
    }

    @Test
    void aYearWithoutCalendarCountsWeekendsOnly() {
        assertThat(workingDays.hasCalendar(2024)).isTrue();
        assertThat(workingDays.hasCalendar(NO_FILE)).isFalse();
        LocalDate newYear = LocalDate.of(NO_FILE, 1, 1);
        assertThat(newYear.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(workingDays.isWorkingDay(newYear.plusDays(1)))
                .as("Monday 2/1, no holiday known")
                .isTrue();
        assertThat(workingDays.addWorkingDays(newYear.minusDays(1), 5)).isEqualTo(LocalDate.of(NO_FILE, 1, 6));
        // 2090 starts on a Sunday: 365 days = 52 weeks + that Sunday, so 52 x 5 weekdays
        assertThat(workingDays.workingDaysBetween(newYear.minusDays(1), LocalDate.of(NO_FILE, 12, 31)))
                .isEqualTo(260);
        assertThat(workingDays.yearsWithoutCalendar(d("01/06/2024"), LocalDate.of(NO_FILE, 1, 1)))
                .startsWith(2026)
                .endsWith(NO_FILE)
                .doesNotContain(2024, 2025);
    }

    @Test
    void anEditCountsAtOnce() {
        login("admin");
        LocalDate monday = LocalDate.of(NO_FILE, 1, 2);
        LocalDate saturday = LocalDate.of(NO_FILE, 1, 7);
        assertThat(workingDays.isWorkingDay(monday)).isTrue();
        assertThat(workingDays.isWorkingDay(saturday)).isFalse();

        CalendarDay off = calendar.save(new DayDraft(null, 0, monday, DayKind.HOLIDAY, "Nghỉ thử", null));
        calendar.save(new DayDraft(null, 0, saturday, DayKind.MAKEUP_DAY, "Làm bù thử", null));

        assertThat(workingDays.isWorkingDay(monday)).isFalse();
        assertThat(workingDays.isWorkingDay(saturday)).isTrue();
        assertThat(workingDays.hasCalendar(NO_FILE)).isTrue();
        calendar.delete(off.getId(), off.getVersion());
        assertThat(workingDays.isWorkingDay(monday)).isTrue();
    }

    /** Round trip over every day of both years, and how long the cached arithmetic takes. */
    @Test
    void addAndCountAgreeEverywhereAndAreFast() {
        workingDays.isWorkingDay(d("01/01/2024"));
        workingDays.isWorkingDay(d("01/01/2025"));
        long start = System.nanoTime();
        int checks = 0;
        for (LocalDate day = d("01/01/2024"); day.getYear() < 2026; day = day.plusDays(1)) {
            for (int n : new int[] {1, 5, 22}) {
                assertThat(workingDays.workingDaysBetween(day, workingDays.addWorkingDays(day, n)))
                        .isEqualTo(n);
                checks++;
            }
        }
        long roundTrips = System.nanoTime() - start;
        LocalDate first = d("01/01/2024");
        int lookups = 1_000_000;
        int working = 0;
        long lookupNanos = 0;
        for (int round = 0; round < 3; round++) {
            // the first rounds warm the JIT up; the last one is measured
            start = System.nanoTime();
            working = 0;
            for (int i = 0; i < lookups; i++) {
                if (workingDays.isWorkingDay(first.plusDays(i % 731))) {
                    working++;
                }
            }
            lookupNanos = System.nanoTime() - start;
        }
        start = System.nanoTime();
        int spans = 1_000;
        for (int i = 0; i < spans; i++) {
            workingDays.workingDaysBetween(d("31/12/2023"), d("31/12/2025"));
        }
        long spanNanos = System.nanoTime() - start;
        System.out.printf(
                "%d add/count round trips in %d ms; %d isWorkingDay in %d ms (%.0f ns each, %d working); "
                        + "%d two-year counts in %d ms (%.1f µs each)%n",
                checks,
                roundTrips / 1_000_000,
                lookups,
                lookupNanos / 1_000_000,
                (double) lookupNanos / lookups,
                working,
                spans,
                spanNanos / 1_000_000,
                spanNanos / 1000.0 / spans);
        assertThat(working).isEqualTo(lookups / 731 * (251 + 250) + countWorking(lookups % 731));
    }

    private int countWorking(int firstDays) {
        int n = 0;
        for (int i = 0; i < firstDays; i++) {
            if (workingDays.isWorkingDay(LocalDate.of(2024, 1, 1).plusDays(i))) {
                n++;
            }
        }
        return n;
    }
}
