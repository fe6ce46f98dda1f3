package vn.gov.moha.portal.workflow.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import vn.gov.moha.portal.i18n.Translations;

/**
 * One reporting period, e.g. "Quý I/2024": its kind, the year and number in the year that name it,
 * the data cut-off window {@code from}..{@code to} (both included) and the day the report is due.
 * Made by {@link ReportingPeriods}, which knows the configured rules and the working-day calendar.
 *
 * @param number  month 1-12, quarter 1-4, half 1-2, or 1 for the year
 * @param due     the day the report is due: the rule's day, or the next working day when that is a
 *                weekend, a holiday or a swapped day off
 * @param ruleDue the day the rule gives, before moving it off a day off (equal to {@code due} mostly)
 */
public record Period(
        ReportingPeriod kind, int year, int number, LocalDate from, LocalDate to, LocalDate due, LocalDate ruleDue) {

    /** The rule's due day fell on a day off and the report is due on the next working day instead. */
    public boolean dueMoved() {
        return !due.equals(ruleDue);
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    /** A stable key that does not depend on the configured days: 2024-M03, 2024-Q1, 2024-H2, 2024-Y. */
    public String key() {
        return switch (kind) {
            case MONTHLY -> year + "-M" + (number < 10 ? "0" : "") + number;
            case QUARTERLY -> year + "-Q" + number;
            case SEMIANNUAL -> year + "-H" + number;
            case ANNUAL -> year + "-Y";
        };
    }

    /** The due date has passed on that day (a report sent on the due date is on time). */
    public boolean overdueOn(LocalDate day) {
        return day.isAfter(due);
    }

    /** Data of that day belong to this period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Translation key of the name; {@link #labelArgs()} fills it. */
    public String labelKey() {
        return kind == ReportingPeriod.SEMIANNUAL ? "period.label.SEMIANNUAL." + number : "period.label." + kind.name();
    }

    /** {0} number, {1} year, {2} Roman quarter, {3} English month name; all text, so no digit grouping. */
    public Object[] labelArgs() {
        return new Object[] {
            String.valueOf(number),
            String.valueOf(year),
            kind == ReportingPeriod.QUARTERLY ? ROMAN[number - 1] : "",
            kind == ReportingPeriod.MONTHLY ? Month.of(number).getDisplayName(TextStyle.FULL, Locale.ENGLISH) : ""
        };
    }

    /** "Tháng 3/2024", "Quý I/2024", "6 tháng đầu năm 2024", "Năm 2024" (or in English). */
    public String label(Locale locale) {
        return LABELS.getTranslation(labelKey(), locale, labelArgs());
    }

    private static final Translations LABELS = new Translations();
}
