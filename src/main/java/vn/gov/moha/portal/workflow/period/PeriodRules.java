package vn.gov.moha.portal.workflow.period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each kind of reporting period closes its data and when its report is due, from {@code portal.periods.<kind>.*};
 * by default the 14th and the 20th of the period's last month: docs/decisions/0003-reporting-periods.md.
 */
@ConfigurationProperties("portal.periods")
public record PeriodRules(
        @DefaultValue Rule monthly,
        @DefaultValue Rule quarterly,
        @DefaultValue Rule semiannual,
        @DefaultValue Rule annual) {

    /**
     * @param cutoffDay      last day of data in the period's last month (1-31; beyond the month's length means its last day)
     * @param dueDay         day of the month the report is due (1-31, same rule)
     * @param dueMonthOffset 0 = due in the period's last month, 1 = in the month after, ...
     */
    public record Rule(
            @DefaultValue("14") int cutoffDay,
            @DefaultValue("20") int dueDay,
            @DefaultValue("0") int dueMonthOffset) {

        public Rule {
            if (cutoffDay < 1
                    || cutoffDay > 31
                    || dueDay < 1
                    || dueDay > 31
                    || dueMonthOffset < 0
                    || dueMonthOffset > 3) {
                throw new IllegalArgumentException("portal.periods: cutoff-day and due-day are 1-31, "
                        + "due-month-offset 0-3; got " + cutoffDay + ", " + dueDay + ", " + dueMonthOffset);
            }
            if (dueMonthOffset == 0 && dueDay <= cutoffDay) {
                throw new IllegalArgumentException("portal.periods: a report is due after its data cut-off; "
                        + "due-day " + dueDay + " is not after cutoff-day " + cutoffDay
                        + " (raise due-day or set due-month-offset)");
            }
        }
    }

    public Rule of(ReportingPeriod kind) {
        return switch (kind) {
            case MONTHLY -> monthly;
            case QUARTERLY -> quarterly;
            case SEMIANNUAL -> semiannual;
            case ANNUAL -> annual;
        };
    }
}
