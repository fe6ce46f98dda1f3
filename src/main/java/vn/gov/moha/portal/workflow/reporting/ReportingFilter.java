package vn.gov.moha.portal.workflow.reporting;

import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/**
 * What to show of the reporting: the periods named in a year ("Quý I/2024" is of 2024, though its data
 * begin on 15/12/2023) that have begun, optionally one kind, one period (its key, e.g. 2024-Q1), one
 * task, one status, units matching a search (with or without diacritics). Null means "all".
 * {@code lastDue} instead picks, of each kind (or the one kind), the latest period whose report was due
 * by today, whatever the year: "this period" of the dashboard's headline. {@code onward} takes the periods
 * of the year and of every later year begun by today (a programme year's tasks may run on after it).
 */
public record ReportingFilter(
        int year,
        @Nullable ReportingPeriod kind,
        @Nullable String periodKey,
        @Nullable Long taskId,
        @Nullable PeriodStatus status,
        @Nullable String unitQuery,
        boolean lastDue,
        boolean onward) {

    public ReportingFilter(
            int year,
            @Nullable ReportingPeriod kind,
            @Nullable String periodKey,
            @Nullable Long taskId,
            @Nullable PeriodStatus status,
            @Nullable String unitQuery) {
        this(year, kind, periodKey, taskId, status, unitQuery, false, false);
    }

    /** The year's periods and those of the later years, up to today's. */
    public ReportingFilter andLaterYears() {
        return new ReportingFilter(year, kind, periodKey, taskId, status, unitQuery, lastDue, true);
    }

    public static ReportingFilter year(int year) {
        return new ReportingFilter(year, null, null, null, null, null);
    }

    public ReportingFilter withPeriod(Period period) {
        return new ReportingFilter(year, period.kind(), period.key(), taskId, status, unitQuery, false, false);
    }

    public ReportingFilter withStatus(PeriodStatus newStatus) {
        return new ReportingFilter(year, kind, periodKey, taskId, newStatus, unitQuery, lastDue, onward);
    }

    public ReportingFilter withTask(Long id) {
        return new ReportingFilter(year, kind, periodKey, id, status, unitQuery, lastDue, onward);
    }

    /** Of each kind, the latest period already due (see the class comment). */
    public ReportingFilter lastDueOnly() {
        return new ReportingFilter(year, kind, null, taskId, status, unitQuery, true, false);
    }
}
