package vn.gov.moha.portal.calendar;

import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of other features, a bean of every {@code @PortalTest}: gives a calendar year back to "no calendar". */
public class CalendarFixture {

    private final JdbcTemplate jdbc;
    private final WorkingDays workingDays;

    CalendarFixture(JdbcTemplate jdbc, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
    }

    /** Deletes the year's days and the year, and drops it from the working-days cache after the commit. */
    public void removeYear(int year) {
        jdbc.update("delete from calendar_day where calendar_year = ?", year);
        jdbc.update("delete from calendar_year where calendar_year = ?", year);
        workingDays.forgetAfterCommit(year);
    }
}
