package vn.gov.moha.portal.workflow.reporting;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.reporting.ReportingFixture.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.PeriodRules;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * A report due on a weekend, a public holiday or a swapped day off is due on the next working day of
 * the shipped calendars (2024 and 2025); a Saturday worked as a make-up day stays. The dates below are
 * worked out by hand from calendar/2024.csv and calendar/2025.csv.
 */
@PortalTest
class DueOnWorkingDayTest extends KaribuTest {

    @Autowired
    ReportingQueries queries;

    @Autowired
    ReportingPeriods periods;

    @Autowired
    ReportingFixture dataset;

    long a;
    long b;
    long c;
    long d;
    long e;
    long f;
    long g;

    /** The reporting dataset ({@link ReportingFixture#load()}), fresh for each test. */
    @BeforeEach
    void loadDataset() {
        ReportingFixture.Ids ids = dataset.load();
        a = ids.a();
        b = ids.b();
        c = ids.c();
        d = ids.d();
        e = ids.e();
        f = ids.f();
        g = ids.g();
    }

    @Autowired
    WorkingDays workingDays;

    private ReportingPeriods rules(int cutoffDay, int dueDay, int dueMonthOffset) {
        PeriodRules.Rule rule = new PeriodRules.Rule(cutoffDay, dueDay, dueMonthOffset);
        return new ReportingPeriods(new PeriodRules(rule, rule, rule, rule), workingDays);
    }

    private static String due(Period p) {
        return p.key() + " rule " + p.ruleDue() + " due " + p.due() + (p.dueMoved() ? " (moved)" : "");
    }

    @Test
    void theDecreeDayMovesOffWeekends() {
        List<String[]> cases = List.of(
                // Tháng 4/2025: 20/04/2025 is a Sunday -> Monday 21/04 (the Giỗ Tổ days off were 05-07/04)
                new String[] {
                    due(periods.of(ReportingPeriod.MONTHLY, 2025, 4)), "2025-M04 rule 2025-04-20 due 2025-04-21 (moved)"
                },
                // Quý III/2025: 20/09/2025 is a Saturday -> Monday 22/09
                new String[] {
                    due(periods.of(ReportingPeriod.QUARTERLY, 2025, 3)),
                    "2025-Q3 rule 2025-09-20 due 2025-09-22 (moved)"
                },
                // Tháng 1/2024: Saturday 20/01/2024 -> Monday 22/01
                new String[] {
                    due(periods.of(ReportingPeriod.MONTHLY, 2024, 1)), "2024-M01 rule 2024-01-20 due 2024-01-22 (moved)"
                },
                // Quý I/2024: Wednesday 20/03/2024 stays
                new String[] {
                    due(periods.of(ReportingPeriod.QUARTERLY, 2024, 1)), "2024-Q1 rule 2024-03-20 due 2024-03-20"
                });
        cases.forEach(c -> System.out.println("decree rule: " + c[0]));
        cases.forEach(c -> assertThat(c[0]).isEqualTo(c[1]));
    }

    @Test
    void acrossTetAndSwappedDays() {
        List<String[]> cases = List.of(
                // due on the 28th: Tuesday 28/01/2025 is in Tết Ất Tỵ (25/01-02/02/2025) -> Monday 03/02/2025
                new String[] {
                    due(rules(14, 28, 0).of(ReportingPeriod.MONTHLY, 2025, 1)),
                    "2025-M01 rule 2025-01-28 due 2025-02-03 (moved)"
                },
                // due on the 10th: Saturday 10/02/2024 is in Tết Giáp Thìn (08/02-14/02/2024) -> Thursday 15/02/2024
                new String[] {
                    due(rules(5, 10, 0).of(ReportingPeriod.MONTHLY, 2024, 2)),
                    "2024-M02 rule 2024-02-10 due 2024-02-15 (moved)"
                },
                // due on the 2nd of the next month: Friday 02/05/2025 was swapped off (worked on Saturday
                // 26/04), then 03-04/05 are off -> Monday 05/05/2025
                new String[] {
                    due(rules(14, 2, 1).of(ReportingPeriod.MONTHLY, 2025, 4)),
                    "2025-M04 rule 2025-05-02 due 2025-05-05 (moved)"
                },
                // due on the 26th: Saturday 26/04/2025 is a make-up working day -> stays
                new String[] {
                    due(rules(14, 26, 0).of(ReportingPeriod.MONTHLY, 2025, 4)),
                    "2025-M04 rule 2025-04-26 due 2025-04-26"
                });
        cases.forEach(c -> System.out.println("across Tết and swaps: " + c[0]));
        cases.forEach(c -> assertThat(c[0]).isEqualTo(c[1]));
    }

    /**
     * Hà Nội's monthly assignment (E): Tháng 7/2024 is due on Saturday 20/07/2024, so Monday 22/07; a
     * report first sent that Monday is on time, and the reporting rows carry the moved date.
     */
    @Test
    void aReportSentOnTheMovedDueDayIsOnTime() {
        dataset.sent(e, "2024-M07", LocalDateTime.of(2024, 7, 22, 16, 0), "APPROVED");
        dataset.sent(e, "2024-M08", LocalDateTime.of(2024, 8, 21, 9, 0), "APPROVED"); // 20/08/2024 is a Tuesday: late
        LocalDate today = LocalDate.now();
        List<ReportingRow> rows = queries.rows(
                List.of(
                        periods.byKey("2024-M07").orElseThrow(),
                        periods.byKey("2024-M08").orElseThrow()),
                new ReportingQueries.Criteria(null, e, null, null, null),
                today,
                0,
                10);
        print("E's July and August 2024", rows);
        assertThat(rows)
                .extracting(ReportingFixture::cell)
                .containsExactly("SNV-01 2024-M08 LATE", "SNV-01 2024-M07 ON_TIME");
        ReportingRow july = rows.get(1);
        assertThat(july.period().due()).isEqualTo(of(2024, 7, 22));
        assertThat(july.period().ruleDue()).isEqualTo(of(2024, 7, 20));
    }
}
