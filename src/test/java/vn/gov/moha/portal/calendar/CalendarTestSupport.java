package vn.gov.moha.portal.calendar;

import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of other features: takes a year a test gave a calendar back to "no calendar", cache included. */
public final class CalendarTestSupport {

    private CalendarTestSupport() {}

    public static void removeYear(JdbcTemplate jdbc, WorkingDays workingDays, int year) {
        jdbc.update("delete from calendar_day where calendar_year = ?", year);
        jdbc.update("delete from calendar_year where calendar_year = ?", year);
        workingDays.forgetAfterCommit(year);
    }
}
