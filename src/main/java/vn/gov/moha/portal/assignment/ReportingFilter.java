package vn.gov.moha.portal.assignment;

/**
 * What to show of the reporting: the periods named in a year ("Quý I/2024" is of 2024, though its data
 * begin on 15/12/2023) that have begun, optionally one kind, one period (its key, e.g. 2024-Q1), one
 * task, one status, units matching a search (with or without diacritics). Null means "all".
 */
public record ReportingFilter(int year, ReportingPeriod kind, String periodKey, Long taskId, PeriodStatus status,
                              String unitQuery) {

    public static ReportingFilter year(int year) {
        return new ReportingFilter(year, null, null, null, null, null);
    }

    public ReportingFilter withPeriod(Period period) {
        return new ReportingFilter(year, period.kind(), period.key(), taskId, status, unitQuery);
    }

    public ReportingFilter withStatus(PeriodStatus newStatus) {
        return new ReportingFilter(year, kind, periodKey, taskId, newStatus, unitQuery);
    }
}
