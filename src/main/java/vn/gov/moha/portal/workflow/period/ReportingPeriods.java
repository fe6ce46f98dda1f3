package vn.gov.moha.portal.workflow.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.calendar.WorkingDays;

/**
 * Reporting-period arithmetic (Decree 09/2019/NĐ-CP): a day's period, each period's cut-off window and due date
 * moved off days off ({@link WorkingDays}), a year's periods. No security: arithmetic on dates. The rules:
 * docs/decisions/0003-reporting-periods.md.
 */
@Component
public class ReportingPeriods {

    /**
     * Who owes a report for a period, as SQL for every statement that needs it (the reporting screen, its
     * exports, the dashboard's "not reported" and the reminders): the assignment existed on the period's cut-off
     * day, was not completed before the period opened for reporting (the day after the previous period's due
     * date), and was not merged into a successor's assignment (issue 18). An ended unit's open work stays owed under its
     * name until an administrator transfers it to a successor: it no longer drops out of sight. Aliases: {@code a} the assignment,
     * {@code u} its lead unit, {@code p} the period with columns {@code start_date}, {@code end_date} and
     * {@code previous_due}.
     */
    public static final String OWED_SQL = "cast(a.created_at as date) <= p.end_date "
            + "and (a.completed_on is null or a.completed_on > p.previous_due) "
            + "and a.merged_into_id is null";

    private static final Pattern KEY = Pattern.compile("(\\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|(Y))");

    private final PeriodRules rules;
    /** Null: the rule's days as they are (plain arithmetic, for tests of the rules alone). */
    private final WorkingDays workingDays;

    @Autowired
    public ReportingPeriods(PeriodRules rules, WorkingDays workingDays) {
        this.rules = rules;
        this.workingDays = workingDays;
    }

    /** Without a calendar: due days are never moved. */
    public ReportingPeriods(PeriodRules rules) {
        this(rules, null);
    }

    /** Months in one period of the kind. */
    static int months(ReportingPeriod kind) {
        return switch (kind) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case SEMIANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }

    /** Periods of the kind in a year. */
    public static int perYear(ReportingPeriod kind) {
        return 12 / months(kind);
    }

    /** The period named by year and number (month 1-12, quarter 1-4, half 1-2, year 1). */
    public Period of(ReportingPeriod kind, int year, int number) {
        if (number < 1 || number > perYear(kind)) {
            throw new IllegalArgumentException(kind + " has no period " + number);
        }
        PeriodRules.Rule rule = rules.of(kind);
        YearMonth last = YearMonth.of(year, number * months(kind));
        LocalDate to = day(last, rule.cutoffDay());
        LocalDate from = day(last.minusMonths(months(kind)), rule.cutoffDay()).plusDays(1);
        LocalDate ruleDue = day(last.plusMonths(rule.dueMonthOffset()), rule.dueDay());
        LocalDate due = workingDays == null || workingDays.isWorkingDay(ruleDue)
                ? ruleDue
                : workingDays.nextWorkingDay(ruleDue);
        return new Period(kind, year, number, from, to, due, ruleDue);
    }

    /** The period whose data window holds the day: with the default rules, 20/03/2024 is in "Tháng 4/2024". */
    public Period containing(ReportingPeriod kind, LocalDate day) {
        int number = (day.getMonthValue() - 1) / months(kind) + 1;
        Period p = of(kind, day.getYear(), number);
        return day.isAfter(p.to()) ? next(p) : p;
    }

    /**
     * The period a report written on that day is for: the earliest one whose report is not yet due.
     * On 16/03/2024 that is "Tháng 3/2024" (data to 14/03, due 20/03); on 21/03 "Tháng 4/2024".
     */
    public Period dueNext(ReportingPeriod kind, LocalDate day) {
        Period p = containing(kind, day);
        while (!day.isAfter(previous(p).due())) {
            p = previous(p);
        }
        return p;
    }

    public Period next(Period p) {
        return p.number() == perYear(p.kind()) ? of(p.kind(), p.year() + 1, 1) : of(p.kind(), p.year(), p.number() + 1);
    }

    public Period previous(Period p) {
        return p.number() == 1 ? of(p.kind(), p.year() - 1, perYear(p.kind())) : of(p.kind(), p.year(), p.number() - 1);
    }

    /** The periods of the kind named in the year, in order. */
    public List<Period> ofYear(ReportingPeriod kind, int year) {
        List<Period> periods = new ArrayList<>();
        for (int n = 1; n <= perYear(kind); n++) {
            periods.add(of(kind, year, n));
        }
        return periods;
    }

    /** Every period of the year, kind by kind (monthly, quarterly, six-monthly, annual). */
    public List<Period> ofYear(int year) {
        List<Period> periods = new ArrayList<>();
        for (ReportingPeriod kind : ReportingPeriod.values()) {
            periods.addAll(ofYear(kind, year));
        }
        return periods;
    }

    /** The period of a key such as 2024-M03, 2024-Q1, 2024-H2 or 2024-Y. */
    public Optional<Period> byKey(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(of(ReportingPeriod.MONTHLY, year, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(of(ReportingPeriod.QUARTERLY, year, Integer.parseInt(m.group(3))));
        }
        if (m.group(4) != null) {
            return Optional.of(of(ReportingPeriod.SEMIANNUAL, year, Integer.parseInt(m.group(4))));
        }
        return Optional.of(of(ReportingPeriod.ANNUAL, year, 1));
    }

    /**
     * The periods an ongoing assignment owes a report for, oldest first, as of {@code today}: from the
     * one whose data window holds the day it was given (assigned after a cut-off, that period is not
     * owed) to the one whose window is open today; once completed, none after the one being reported
     * when it was completed.
     */
    public List<Period> owedBy(ReportingPeriod kind, LocalDate assignedOn, LocalDate completedOn, LocalDate today) {
        Period last = containing(kind, today);
        if (completedOn != null) {
            Period atCompletion = dueNext(kind, completedOn);
            if (atCompletion.from().isBefore(last.from())) {
                last = atCompletion;
            }
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = containing(kind, assignedOn); !p.from().isAfter(last.from()); p = next(p)) {
            periods.add(p);
        }
        return periods;
    }

    /** That day of the month, or the month's last day when the month is shorter (cut-off 31 = month end). */
    private static LocalDate day(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
