package vn.gov.moha.portal.workflow.period;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.moha.portal.workflow.period.ReportingPeriod.ANNUAL;
import static vn.gov.moha.portal.workflow.period.ReportingPeriod.MONTHLY;
import static vn.gov.moha.portal.workflow.period.ReportingPeriod.QUARTERLY;
import static vn.gov.moha.portal.workflow.period.ReportingPeriod.SEMIANNUAL;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.gov.moha.portal.i18n.Translations;

/**
 * Period arithmetic against the decree's rule (Decree 09/2019/NĐ-CP, Art. 12: a month's data run from
 * the 15th of the previous month to the 14th; quarter, half-year and year end on the 14th of their last
 * month) with the portal's default due day, the 20th; expected dates written out by hand.
 */
class ReportingPeriodsTest {

    private static final PeriodRules.Rule DECREE = new PeriodRules.Rule(14, 20, 0);
    private final ReportingPeriods periods = new ReportingPeriods(new PeriodRules(DECREE, DECREE, DECREE, DECREE));

    /** Rules with every kind on calendar months (cut-off at month end, due on the 10th of the next month). */
    private static ReportingPeriods calendarMonths() {
        PeriodRules.Rule rule = new PeriodRules.Rule(31, 10, 1);
        return new ReportingPeriods(new PeriodRules(rule, rule, rule, rule));
    }

    @ParameterizedTest(name = "{0} {1}/{2}: {3} – {4}, due {5}")
    @CsvSource({
        // kind, year, number, from, to, due, key, Vietnamese label, English label
        "MONTHLY,    2024, 1,  2023-12-15, 2024-01-14, 2024-01-20, 2024-M01, Tháng 1/2024,          January 2024",
        "MONTHLY,    2024, 3,  2024-02-15, 2024-03-14, 2024-03-20, 2024-M03, Tháng 3/2024,          March 2024",
        "MONTHLY,    2024, 12, 2024-11-15, 2024-12-14, 2024-12-20, 2024-M12, Tháng 12/2024,         December 2024",
        "QUARTERLY,  2024, 1,  2023-12-15, 2024-03-14, 2024-03-20, 2024-Q1,  Quý I/2024,            Q1 2024",
        "QUARTERLY,  2024, 2,  2024-03-15, 2024-06-14, 2024-06-20, 2024-Q2,  Quý II/2024,           Q2 2024",
        "QUARTERLY,  2024, 3,  2024-06-15, 2024-09-14, 2024-09-20, 2024-Q3,  Quý III/2024,          Q3 2024",
        "QUARTERLY,  2024, 4,  2024-09-15, 2024-12-14, 2024-12-20, 2024-Q4,  Quý IV/2024,           Q4 2024",
        "SEMIANNUAL, 2024, 1,  2023-12-15, 2024-06-14, 2024-06-20, 2024-H1,  6 tháng đầu năm 2024,  First half of 2024",
        "SEMIANNUAL, 2024, 2,  2024-06-15, 2024-12-14, 2024-12-20, 2024-H2,  6 tháng cuối năm 2024, Second half of 2024",
        "ANNUAL,     2024, 1,  2023-12-15, 2024-12-14, 2024-12-20, 2024-Y,   Năm 2024,              Year 2024"
    })
    void eachPeriodHasTheDecreesWindowAndTheDueDay(
            ReportingPeriod kind,
            int year,
            int number,
            LocalDate from,
            LocalDate to,
            LocalDate due,
            String key,
            String vi,
            String en) {
        Period p = periods.of(kind, year, number);
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.to()).isEqualTo(to);
        assertThat(p.due()).isEqualTo(due);
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.label(Translations.VIETNAMESE)).isEqualTo(vi);
        assertThat(p.label(Translations.ENGLISH)).isEqualTo(en);
        assertThat(periods.byKey(key)).contains(p);
    }

    @ParameterizedTest(name = "data of {1} belong to {2}")
    @CsvSource({
        "MONTHLY,    2024-03-14, 2024-M03",
        "MONTHLY,    2024-03-15, 2024-M04",
        "MONTHLY,    2024-01-01, 2024-M01",
        "MONTHLY,    2024-12-15, 2025-M01",
        "MONTHLY,    2024-12-31, 2025-M01",
        "QUARTERLY,  2024-12-14, 2024-Q4",
        "QUARTERLY,  2024-12-15, 2025-Q1",
        "QUARTERLY,  2024-06-14, 2024-Q2",
        "QUARTERLY,  2024-06-15, 2024-Q3",
        "SEMIANNUAL, 2024-06-14, 2024-H1",
        "SEMIANNUAL, 2024-06-15, 2024-H2",
        "SEMIANNUAL, 2023-12-20, 2024-H1",
        "ANNUAL,     2024-12-14, 2024-Y",
        "ANNUAL,     2024-12-15, 2025-Y",
        "ANNUAL,     2024-01-01, 2024-Y"
    })
    void aDayBelongsToThePeriodWhoseWindowHoldsIt(ReportingPeriod kind, LocalDate day, String key) {
        Period p = periods.containing(kind, day);
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.contains(day)).isTrue();
    }

    @ParameterizedTest(name = "a {0} report written on {1} is for {2}")
    @CsvSource({
        "MONTHLY,    2024-03-10, 2024-M03",
        "MONTHLY,    2024-03-16, 2024-M03",
        "MONTHLY,    2024-03-20, 2024-M03",
        "MONTHLY,    2024-03-21, 2024-M04",
        "MONTHLY,    2024-12-21, 2025-M01",
        "QUARTERLY,  2024-03-20, 2024-Q1",
        "QUARTERLY,  2024-03-21, 2024-Q2",
        "QUARTERLY,  2024-12-18, 2024-Q4",
        "QUARTERLY,  2024-12-21, 2025-Q1",
        "SEMIANNUAL, 2024-06-18, 2024-H1",
        "ANNUAL,     2024-12-20, 2024-Y",
        "ANNUAL,     2024-12-21, 2025-Y"
    })
    void aReportIsForThePeriodWhoseReportIsDueNext(ReportingPeriod kind, LocalDate day, String key) {
        assertThat(periods.dueNext(kind, day).key()).isEqualTo(key);
    }

    @Test
    void theYearsPeriodsTileItsDataWithoutGapsOrOverlapsAcrossYearBoundaries() {
        for (ReportingPeriod kind : ReportingPeriod.values()) {
            List<Period> year = periods.ofYear(kind, 2024);
            assertThat(year).hasSize(ReportingPeriods.perYear(kind));
            assertThat(year.get(0).from()).as("%s starts", kind).isEqualTo(of(2023, 12, 15));
            assertThat(year.get(year.size() - 1).to()).as("%s ends", kind).isEqualTo(of(2024, 12, 14));
            Period p = periods.of(kind, 2022, 1);
            for (int i = 0; i < 40; i++) {
                Period next = periods.next(p);
                assertThat(next.from()).as("%s after %s", kind, p.key()).isEqualTo(p.to().plusDays(1));
                assertThat(periods.previous(next)).isEqualTo(p);
                assertThat(p.due()).isAfter(p.to());
                p = next;
            }
        }
        assertThat(periods.ofYear(2024)).hasSize(12 + 4 + 2 + 1);
        assertThat(periods.ofYear(2024))
                .extracting(Period::key)
                .doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(periods.byKey(k)).isPresent());
    }

    @Test
    void leapYearsLengthenTheFebruaryWindows() {
        // decree rule: "Tháng 3" runs 15/02-14/03, so it holds 29 February in a leap year
        assertThat(length(periods.of(MONTHLY, 2024, 3))).isEqualTo(29);
        assertThat(length(periods.of(MONTHLY, 2023, 3))).isEqualTo(28);
        assertThat(periods.containing(MONTHLY, of(2024, 2, 29)).key()).isEqualTo("2024-M03");
        assertThat(length(periods.of(QUARTERLY, 2024, 1))).isEqualTo(91);
        assertThat(length(periods.of(ANNUAL, 2024, 1))).isEqualTo(366);
        assertThat(length(periods.of(ANNUAL, 2025, 1))).isEqualTo(365);

        // calendar months (cut-off 31 = month end): February ends on the 29th in 2024, the 28th in 2023
        ReportingPeriods calendar = calendarMonths();
        assertThat(calendar.of(MONTHLY, 2024, 2).to()).isEqualTo(of(2024, 2, 29));
        assertThat(calendar.of(MONTHLY, 2023, 2).to()).isEqualTo(of(2023, 2, 28));
        assertThat(calendar.of(MONTHLY, 2024, 3).from()).isEqualTo(of(2024, 3, 1));
        assertThat(calendar.of(MONTHLY, 2024, 1).from()).isEqualTo(of(2024, 1, 1));
        assertThat(calendar.of(MONTHLY, 2024, 1).due()).isEqualTo(of(2024, 2, 10));
        assertThat(calendar.of(QUARTERLY, 2024, 4).due()).isEqualTo(of(2025, 1, 10));
        assertThat(calendar.of(SEMIANNUAL, 2024, 1).from()).isEqualTo(of(2024, 1, 1));
        assertThat(calendar.of(SEMIANNUAL, 2024, 1).to()).isEqualTo(of(2024, 6, 30));
        assertThat(calendar.of(ANNUAL, 2024, 1).to()).isEqualTo(of(2024, 12, 31));
        assertThat(calendar.dueNext(MONTHLY, of(2024, 3, 5)).key()).isEqualTo("2024-M02");
        assertThat(calendar.dueNext(MONTHLY, of(2024, 3, 11)).key()).isEqualTo("2024-M03");
    }

    @Test
    void anAssignmentOwesThePeriodsFromItsAssignmentToTodayOrItsCompletion() {
        assertThat(keys(periods.owedBy(MONTHLY, of(2024, 3, 10), null, of(2024, 4, 25))))
                .containsExactly("2024-M03", "2024-M04", "2024-M05");
        // assigned after March's cut-off: March is not owed
        assertThat(keys(periods.owedBy(MONTHLY, of(2024, 3, 16), null, of(2024, 4, 25))))
                .containsExactly("2024-M04", "2024-M05");
        // completed on 16/03 while March's report was due: nothing after March
        assertThat(keys(periods.owedBy(MONTHLY, of(2024, 1, 5), of(2024, 3, 16), of(2024, 7, 1))))
                .containsExactly("2024-M01", "2024-M02", "2024-M03");
        assertThat(keys(periods.owedBy(QUARTERLY, of(2024, 1, 5), of(2024, 4, 10), of(2025, 1, 1))))
                .containsExactly("2024-Q1", "2024-Q2");
        assertThat(keys(periods.owedBy(ANNUAL, of(2023, 12, 20), null, of(2025, 12, 16))))
                .containsExactly("2024-Y", "2025-Y", "2026-Y");
    }

    @Test
    void keysThatNameNoPeriodAreRefused() {
        for (String key : new String[] {
            null,
            "",
            "2024",
            "2024-M00",
            "2024-M13",
            "2024-M3",
            "2024-Q0",
            "2024-Q5",
            "2024-H3",
            "2024-Y1",
            "24-Q1",
            "2024-q1"
        }) {
            assertThat(periods.byKey(key)).as(key).isEmpty();
        }
        assertThatThrownBy(() -> periods.of(QUARTERLY, 2024, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rulesComeFromPropertiesWithTheDecreeAsDefaultAndNonsenseIsRefused() {
        PeriodRules bound = bind(Map.of(
                "portal.periods.monthly.cutoff-day",
                "31",
                "portal.periods.monthly.due-day",
                "5",
                "portal.periods.monthly.due-month-offset",
                "1"));
        assertThat(bound.monthly()).isEqualTo(new PeriodRules.Rule(31, 5, 1));
        assertThat(bound.quarterly()).isEqualTo(DECREE);
        assertThat(bound.annual()).isEqualTo(DECREE);
        assertThat(bind(Map.of())).isEqualTo(new PeriodRules(DECREE, DECREE, DECREE, DECREE));

        assertThatThrownBy(() -> new PeriodRules.Rule(14, 14, 0)).hasMessageContaining("not after cutoff-day");
        assertThatThrownBy(() -> new PeriodRules.Rule(0, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodRules.Rule(14, 32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("portal.periods.annual.due-day", "10")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static PeriodRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.periods", PeriodRules.class);
    }

    private static long length(Period p) {
        return ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
    }

    private static List<String> keys(List<Period> list) {
        return list.stream().map(Period::key).toList();
    }
}
