package vn.gov.moha.portal.workflow.reporting;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.moha.portal.workflow.reporting.ReportingFixture.begun;
import static vn.gov.moha.portal.workflow.reporting.ReportingFixture.counts;
import static vn.gov.moha.portal.workflow.reporting.ReportingFixture.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.PeriodChoices;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Who reported on time, late or not at all, as the database computes it (H2 and PostgreSQL), on the
 * generated dataset of {@link ReportingFixture}, against statuses worked out by hand.
 */
@PortalTest
class ReportingStatusTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingQueries queries;

    @Autowired
    ReportingPeriods periods;

    @Autowired
    ReportingService reporting;

    @Autowired
    ReportingFixture dataset;

    @Autowired
    ApprovalService approvals;

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

    /** The fixed "today" of most checks: Q3 2024 (15/06-14/09, due 20/09) is open, Q4 not begun. */
    private static final LocalDate JULY_10 = of(2024, 7, 10);

    @Test
    void theDatabaseSortsEveryOwedPeriodIntoOnTimeLateMissingOrNotYetDue() {
        List<ReportingRow> rows =
                queries.rows(begun(periods.ofYear(2024), JULY_10), ReportingQueries.Criteria.all(), JULY_10, 0, 1000);
        print("2024 as of 10/07/2024, every unit", rows);

        assertThat(rows)
                .extracting(ReportingFixture::cell)
                .containsExactlyInAnyOrder(
                        "SNV-01 2024-Q1 ON_TIME",
                        "SNV-01 2024-Q2 LATE",
                        "SNV-01 2024-Q3 ON_TIME",
                        "SNV-48 2024-Q1 LATE",
                        "SNV-48 2024-Q2 MISSING",
                        "SNV-48 2024-Q3 NOT_DUE",
                        "SNV-68 2024-Q1 MISSING",
                        "SNV-68 2024-Q2 ON_TIME",
                        "SNV-68 2024-Q3 NOT_DUE",
                        "SNV-31 2024-Q2 ON_TIME",
                        "SNV-31 2024-Q3 NOT_DUE",
                        "SNV-92 2024-Q1 ON_TIME",
                        "SNV-92 2024-Q2 ON_TIME",
                        "SNV-02 2024-Q1 MISSING",
                        "SNV-02 2024-Q2 MISSING",
                        "SNV-02 2024-Q3 NOT_DUE",
                        "SNV-01 2024-M06 ON_TIME",
                        "SNV-01 2024-M07 NOT_DUE");
        assertThat(queries.counts(begun(periods.ofYear(2024), JULY_10), ReportingQueries.Criteria.all(), JULY_10))
                .containsExactlyEntriesOf(counts(7, 2, 4, 5));

        // the time that counts is the first submission; the table holds Vietnam wall-clock time (as Hibernate
        // writes it) and the row gives it in the JVM's zone, as the entities do
        assertThat(rows)
                .filteredOn(r -> r.assignmentId() == c && r.period().key().equals("2024-Q2"))
                .singleElement()
                .extracting(ReportingRow::submittedAt)
                .isEqualTo(LocalDateTime.of(2024, 6, 10, 9, 0)
                        .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                        .withZoneSameInstant(java.time.ZoneId.systemDefault())
                        .toLocalDateTime());
        assertThat(rows).filteredOn(r -> r.status() == PeriodStatus.MISSING).allMatch(r -> r.submittedAt() == null);
        // newest period first
        assertThat(rows.get(0).period().to()).isEqualTo(of(2024, 9, 14));
        assertThat(rows.get(rows.size() - 1).period().key()).isEqualTo("2024-Q1");
    }

    @Test
    void onePeriodOneStatusAndPagesComeFromTheDatabase() {
        List<Period> q2 = List.of(periods.byKey("2024-Q2").orElseThrow());
        assertThat(queries.counts(q2, ReportingQueries.Criteria.all(), JULY_10))
                .containsExactlyEntriesOf(counts(3, 1, 2, 0));

        var missing = new ReportingQueries.Criteria(null, null, null, null, PeriodStatus.MISSING);
        assertThat(queries.rows(q2, missing, JULY_10, 0, 10))
                .extracting(ReportingRow::unitCode)
                .containsExactlyInAnyOrder("SNV-48", "SNV-02");
        assertThat(queries.counts(q2, missing, JULY_10)).containsExactlyEntriesOf(counts(0, 0, 2, 0));

        var search = new ReportingQueries.Criteria(null, null, null, "ha giang", null);
        assertThat(queries.rows(q2, search, JULY_10, 0, 10))
                .extracting(ReportingFixture::cell)
                .containsExactly("SNV-02 2024-Q2 MISSING");

        List<Period> year = begun(periods.ofYear(2024), JULY_10);
        List<ReportingRow> all = queries.rows(year, ReportingQueries.Criteria.all(), JULY_10, 0, 100);
        List<ReportingRow> pages = new java.util.ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 5) {
            pages.addAll(queries.rows(year, ReportingQueries.Criteria.all(), JULY_10, offset, 5));
        }
        assertThat(pages).isEqualTo(all);
    }

    @Test
    void anEndedUnitsOpenWorkStaysOwedUntilItIsTransferred() {
        // Hà Giang ended on 30/06/2025 but its work was never handed to Tuyên Quang: it does not drop out of
        // sight (issue 18), every 2025 quarter is owed under its name until an administrator transfers it
        LocalDate endOf2025 = of(2025, 12, 31);
        var onlyG = new ReportingQueries.Criteria(null, g, null, null, null);
        List<ReportingRow> rows =
                queries.rows(periods.ofYear(ReportingPeriod.QUARTERLY, 2025), onlyG, endOf2025, 0, 10);
        print("Hà Giang (merged 1/7/2025, work not transferred), 2025 as of 31/12/2025", rows);
        assertThat(rows)
                .extracting(ReportingFixture::cell)
                .containsExactlyInAnyOrder(
                        "SNV-02 2025-Q1 MISSING",
                        "SNV-02 2025-Q2 MISSING",
                        "SNV-02 2025-Q3 MISSING",
                        "SNV-02 2025-Q4 MISSING");

        // merged into a successor's assignment, it owes nothing more: the successor's counts once
        jdbc.update("update assignment set merged_into_id = ? where id = ?", e, g);
        assertThat(queries.rows(periods.ofYear(ReportingPeriod.QUARTERLY, 2025), onlyG, endOf2025, 0, 10))
                .isEmpty();
    }

    @Test
    void aUnitOfficerSeesOnlyTheirUnitAManagerTheirDepartmentsTasksAndLeadersAll() {
        // today (after 2024): every 2024 quarter is due, so Q3 and Q4 without a report are missing
        ReportingFilter year2024 = ReportingFilter.year(2024);
        Map<String, List<String>> expected = Map.of(
                "lamdong.cv",
                        List.of(
                                "SNV-68 2024-Q1 MISSING",
                                "SNV-68 2024-Q2 ON_TIME",
                                "SNV-68 2024-Q3 MISSING",
                                "SNV-68 2024-Q4 MISSING"),
                "lamdong.truong",
                        List.of(
                                "SNV-68 2024-Q1 MISSING",
                                "SNV-68 2024-Q2 ON_TIME",
                                "SNV-68 2024-Q3 MISSING",
                                "SNV-68 2024-Q4 MISSING"));
        for (String who : List.of("lamdong.cv", "lamdong.truong")) {
            login(who);
            List<ReportingRow> rows = reporting.rows(year2024, 0, 100);
            print(who + " asks for every 2024 row", rows);
            assertThat(rows).extracting(ReportingFixture::cell).containsExactlyInAnyOrderElementsOf(expected.get(who));
            assertThat(reporting.counts(year2024)).containsExactlyEntriesOf(counts(1, 0, 3, 0));
            logout();
        }
        login("hanoi.cv");
        assertThat(reporting.rows(year2024, 0, 100))
                .extracting(ReportingRow::unitCode)
                .containsOnly("SNV-01")
                .hasSize(4 + 7);
        logout();
        // A 4, B 4, C 4, D 3, F 2, G 4 quarters; E June to December; tasks 2 and 3 are Vụ TCBC's (quanly's)
        login("quanly.cchc");
        assertThat(reporting.rows(year2024, 0, 100))
                .as("a manager of another department")
                .isEmpty();
        logout();
        for (String who : List.of("lanhdao", "quanly", "admin")) {
            login(who);
            List<ReportingRow> rows = reporting.rows(year2024, 0, 100);
            System.out.printf(
                    "%s asks for every 2024 row: %d rows, %s%n", who, rows.size(), reporting.counts(year2024));
            assertThat(rows).hasSize(28);
            assertThat(reporting.counts(year2024)).containsExactlyEntriesOf(counts(7, 2, 19, 0));
            logout();
        }
    }

    @Test
    void anAssignmentsPeriodsAreShownToWhoMaySeeItAndRefusedToOthers() {
        login("hanoi.cv");
        List<ReportingRow> monthly = reporting.ofAssignment(e);
        // newest first, down to June 2024 (assigned 20/05/2024, after May's cut-off)
        assertThat(monthly)
                .extracting(r -> r.period().key())
                .endsWith("2024-M07", "2024-M06")
                .hasSize(periods.owedBy(ReportingPeriod.MONTHLY, of(2024, 5, 20), null, LocalDate.now())
                        .size());
        assertThat(monthly.get(0).period()).isEqualTo(periods.containing(ReportingPeriod.MONTHLY, LocalDate.now()));
        assertThat(monthly.get(monthly.size() - 1).status()).isEqualTo(PeriodStatus.ON_TIME);
        assertThat(monthly.get(monthly.size() - 2).status()).isEqualTo(PeriodStatus.MISSING);
        logout();

        long dated = dataset.assignmentOf(workflow.task(8), "SNV-68");
        login("lamdong.cv");
        assertThatThrownBy(() -> reporting.ofAssignment(a)).isInstanceOf(InvalidInputException.class);
        assertThat(reporting.ofAssignment(dated)).as("a dated assignment").isEmpty();
        logout();
        System.out.println("lamdong.cv asked for Hà Nội's periods: refused as not found; refusals logged: "
                + jdbc.queryForObject(
                        "select count(*) from event_log where action = 'ACCESS_REFUSED' and actor = ?",
                        Integer.class,
                        "lamdong.cv"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_log where action = 'ACCESS_REFUSED' and actor = ?",
                        Integer.class,
                        "lamdong.cv"))
                .isEqualTo(1);
    }

    @Test
    void aReportIsFiledUnderTheSuggestedPeriodOrAnOwedEarlierOneAndItsFirstSubmissionCounts() {
        LocalDate today = LocalDate.now();
        dataset.created(c, today.minusMonths(9));
        jdbc.update("delete from progress_report where assignment_id = ?", c);
        Assignment lamDong = dataset.current(c);
        Period suggested = periods.dueNext(ReportingPeriod.QUARTERLY, today);

        login("lamdong.cv");
        PeriodChoices choices = reports.periodChoices(lamDong);
        assertThat(choices.suggested()).isEqualTo(suggested);
        assertThat(choices.options()).first().isEqualTo(periods.containing(ReportingPeriod.QUARTERLY, today));
        assertThat(choices.options())
                .last()
                .isEqualTo(periods.containing(ReportingPeriod.QUARTERLY, today.minusMonths(9)));

        ProgressReport automatic =
                reports.save(new ReportDraft(null, c, 0, 20, Confidence.ON_TRACK, "Quý này", Map.of()));
        assertThat(automatic.getPeriodKey()).isEqualTo(suggested.key());
        assertThat(automatic.getPeriodStart()).isEqualTo(suggested.from());

        // an earlier owed period may be chosen (a late report); one before the assignment may not
        Period earlier = choices.options().get(choices.options().size() - 1);
        ProgressReport late = reports.save(new ReportDraft(
                automatic.getId(),
                c,
                automatic.getVersion(),
                20,
                Confidence.ON_TRACK,
                "Báo cáo bù",
                Map.of(),
                earlier.key()));
        assertThat(late.getPeriodKey()).isEqualTo(earlier.key());
        String beforeAssignment = periods.previous(earlier).key();
        assertThatThrownBy(() -> reports.save(new ReportDraft(
                        late.getId(), c, late.getVersion(), 20, Confidence.ON_TRACK, "x", Map.of(), beforeAssignment)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.problems())
                                .contains(new InvalidInputException.Problem("period", "report.error.period")));
        ProgressReport sentLate = reports.submit(late.getId(), late.getVersion());
        LocalDateTime firstSent = reports.find(sentLate.getId()).orElseThrow().getFirstSubmittedAt();
        assertThat(firstSent).isNotNull();
        logout();

        // returned and sent again: the first submission still decides
        login("lamdong.truong");
        ProgressReport waiting = reports.find(sentLate.getId()).orElseThrow();
        approvals.returnReport(waiting.getId(), waiting.getVersion(), "Bổ sung số liệu");
        logout();
        login("lamdong.cv");
        ProgressReport returned = reports.find(sentLate.getId()).orElseThrow();
        ProgressReport again = reports.submit(returned.getId(), returned.getVersion());
        assertThat(reports.find(again.getId()).orElseThrow().getFirstSubmittedAt())
                .isEqualTo(firstSent)
                .isBefore(reports.find(again.getId()).orElseThrow().getSubmittedAt());
        assertThat(again.getPeriodKey()).isEqualTo(earlier.key());
        assertThat(reporting.ofAssignment(c))
                .filteredOn(r -> r.period().equals(earlier))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status())
                            .isEqualTo(
                                    earlier.overdueOn(firstSent.toLocalDate())
                                            ? PeriodStatus.LATE
                                            : PeriodStatus.ON_TIME);
                    assertThat(r.submittedAt()).isEqualTo(firstSent);
                });
        logout();

        // a dated assignment's report has no period
        Assignment dated = workflow.assignTask3ToLamDong();
        ProgressReport plain = workflow.submitReport(dated, 10);
        assertThat(plain.getPeriodKey()).isNull();
        assertThat(plain.getPeriodStart()).isNull();
    }
}
