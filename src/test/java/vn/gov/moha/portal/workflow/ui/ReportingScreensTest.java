package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingFixture;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;

/**
 * The periodic-reporting screens as their users meet them: the "Báo cáo định kỳ" list with its counts
 * and filters, the periods tab of an assignment, and the period on the report form.
 */
@PortalTest
class ReportingScreensTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aManagerFiltersTheYearDownToTheUnitsThatDidNotReportForAQuarter() {
        String task2 = "2. " + workflow.task(2).getTitleVi();
        as("quanly");
        navigate("reporting");
        ReportingView view = _get(ReportingView.class);
        assertThat(view.year.getValue()).isEqualTo(LocalDate.now().getYear());

        _setValue(view.year, 2024);
        assertThat(chips())
                .containsExactly("Báo cáo đúng hạn: 7", "Gửi trễ hạn: 2", "Chưa báo cáo: 19", "Chưa đến hạn: 0");
        assertThat(_size(view.grid)).isEqualTo(28);
        assertThat(view.period.isEnabled())
                .as("a period is chosen after a kind")
                .isFalse();

        _setValue(view.kind, ReportingPeriod.QUARTERLY);
        assertThat(view.period.getListDataView().getItems().map(p -> p.label(Locale.ROOT)))
                .containsExactly("Quý IV/2024", "Quý III/2024", "Quý II/2024", "Quý I/2024");
        _setValue(view.period, periods.byKey("2024-Q2").orElseThrow());
        assertThat(chips())
                .containsExactly("Báo cáo đúng hạn: 3", "Gửi trễ hạn: 1", "Chưa báo cáo: 2", "Chưa đến hạn: 0");
        assertThat(units(view.grid))
                .containsExactlyInAnyOrder(
                        "Sở Nội vụ thành phố Hà Nội",
                        "Sở Nội vụ thành phố Đà Nẵng",
                        "Sở Nội vụ tỉnh Lâm Đồng",
                        "Sở Nội vụ thành phố Hải Phòng",
                        "Sở Nội vụ thành phố Cần Thơ",
                        "Sở Nội vụ tỉnh Hà Giang");

        _setValue(view.status, PeriodStatus.MISSING);
        assertThat(chips()).as("the counts stay those of the period").contains("Báo cáo đúng hạn: 3");
        assertThat(_size(view.grid)).isEqualTo(2);
        // ordered by task, then unit code: Hà Giang (02) before Đà Nẵng (48)
        assertThat(lines(view.grid, 1, "period")).containsExactly("Quý II/2024", "Hạn gửi 20/06/2024");
        assertThat(lines(view.grid, 1, "unit")).startsWith("Sở Nội vụ thành phố Đà Nẵng");
        assertThat(GridKt._getFormatted(view.grid, 1, "task")).isEqualTo(task2);
        assertThat(lines(view.grid, 1, "status")).containsExactly("Chưa báo cáo");
        assertThat(lines(view.grid, 0, "status")).containsExactly("Chưa báo cáo");

        _setValue(view.search, "ha giang");
        assertThat(_size(view.grid)).isEqualTo(1);
        _clickItem(view.grid, 0);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("assignments/" + g);
    }

    @Test
    void aUnitOfficerSeesTheirOwnUnitOnly() {
        as("lamdong.cv");
        navigate("reporting");
        ReportingView view = _get(ReportingView.class);
        _setValue(view.year, 2024);
        assertThat(chips())
                .containsExactly("Báo cáo đúng hạn: 1", "Gửi trễ hạn: 0", "Chưa báo cáo: 3", "Chưa đến hạn: 0");
        assertThat(units(view.grid)).hasSize(4).containsOnly("Sở Nội vụ tỉnh Lâm Đồng");
        assertThat(IntStream.range(0, 4).mapToObj(row -> lines(view.grid, row, "status")))
                .contains(List.of("Báo cáo đúng hạn", "Gửi lần đầu " + sentAt("2024-Q2")));
        _setValue(view.search, "ha noi");
        assertThat(_size(view.grid))
                .as("another unit's rows cannot be searched for")
                .isZero();
    }

    @Test
    void theAssignmentPageListsItsPeriodsWithTheirStatus() {
        as("lamdong.cv");
        navigate("assignments/" + c);
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedIndex(2);
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Kỳ báo cáo");
        @SuppressWarnings("unchecked")
        Grid<ReportingRow> grid = _get(Grid.class, s -> s.withClasses("periods"));
        int size = _size(grid);
        // from Quý I/2024 to the quarter open today, newest first
        assertThat(size)
                .isEqualTo(periods.owedBy(ReportingPeriod.QUARTERLY, LocalDate.of(2024, 1, 5), null, LocalDate.now())
                        .size());
        assertThat(GridKt._getFormattedRow(grid, size - 1).subList(0, 3))
                .containsExactly("Quý I/2024", "15/12/2023 – 14/03/2024", "20/03/2024");
        assertThat(IntStream.range(0, size)
                        .mapToObj(i -> GridKt._get(grid, i).status())
                        .toList()
                        .subList(size - 2, size))
                .containsExactly(PeriodStatus.ON_TIME, PeriodStatus.MISSING);
    }

    @Test
    void theReportFormSaysWhichPeriodItReportsForAndOffersOwedEarlierOnes() {
        jdbc.update("delete from progress_report where assignment_id = ?", c);
        Period suggested = periods.dueNext(ReportingPeriod.QUARTERLY, LocalDate.now());
        as("lamdong.cv");
        navigate("assignments/" + c + "/report");
        ReportView form = _get(ReportView.class);
        assertThat(form.period.getValue()).isEqualTo(suggested);
        assertThat(form.period.getLabel()).isEqualTo("Kỳ báo cáo");
        assertThat(form.period.getHelperText())
                .isEqualTo("Số liệu từ " + date(suggested.from()) + " đến " + date(suggested.to()) + "; hạn gửi "
                        + date(suggested.due()));

        Period q1 = periods.byKey("2024-Q1").orElseThrow();
        _setValue(form.period, q1);
        assertThat(form.period.getHelperText()).isEqualTo("Số liệu từ 15/12/2023 đến 14/03/2024; hạn gửi 20/03/2024");
        _setValue(form.percent, 30);
        _setValue(form.confidence, Confidence.AT_RISK);
        _setValue(form.narrative, "Báo cáo bù quý I/2024");
        _click(_get(ReportView.class).submit);
        expectNotifications("Đã gửi báo cáo");
        assertThat(_get(Fact.class, s -> s.withClasses("report-period"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("Kỳ báo cáoQuý I/2024 · Số liệu từ 15/12/2023 đến 14/03/2024; hạn gửi 20/03/2024");

        // sent now, long after 20/03/2024: late
        navigate("assignments/" + c);
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedIndex(2);
        @SuppressWarnings("unchecked")
        Grid<ReportingRow> grid = _get(Grid.class, s -> s.withClasses("periods"));
        assertThat(GridKt._get(grid, _size(grid) - 1).status()).isEqualTo(PeriodStatus.LATE);
    }

    @Test
    void theScreenSpeaksEnglishToo() {
        as("lanhdao");
        useLocale(Locale.ENGLISH);
        navigate("reporting");
        ReportingView view = _get(ReportingView.class);
        _setValue(view.year, 2024);
        _setValue(view.kind, ReportingPeriod.QUARTERLY);
        _setValue(view.period, periods.byKey("2024-Q2").orElseThrow());
        assertThat(chips()).containsExactly("On time: 3", "Sent late: 1", "Not reported: 2", "Not yet due: 0");
        assertThat(IntStream.range(0, _size(view.grid)).mapToObj(row -> lines(view.grid, row, "period")))
                .containsOnly(List.of("Q2 2024", "Due 20 June 2024"));
    }

    private void as(String username) {
        logout();
        login(username);
        UI.getCurrent().getPage().reload();
    }

    private static List<String> chips() {
        return _get(ReportingView.class)
                .summary
                .getChildren()
                .map(c -> ((Span) c).getText())
                .toList();
    }

    private static List<String> units(Grid<ReportingRow> grid) {
        return IntStream.range(0, _size(grid))
                .mapToObj(row -> GridKt._get(grid, row).unitName(false))
                .toList();
    }

    /** The texts a stacked cell shows, line by line (lines only shown on phones left out). */
    private static List<String> lines(Grid<?> grid, int row, String column) {
        return GridKt._getCellComponent(grid, row, column)
                .getChildren()
                .filter(c -> !c.hasClassName("narrow-only"))
                .map(c -> c.getElement().getTextRecursively())
                .toList();
    }

    /** When Lâm Đồng first sent its report for the period, as the screen shows it. */
    private String sentAt(String periodKey) {
        java.util.Calendar vietnam = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        return vn.gov.moha.portal.common.Formats.dateTime(jdbc.queryForObject(
                        "select min(first_submitted_at) "
                                + "from progress_report where assignment_id = ? and period_key = ?",
                        (rs, i) -> rs.getTimestamp(1, vietnam),
                        c,
                        periodKey)
                .toLocalDateTime());
    }

    private static String date(LocalDate day) {
        return vn.gov.moha.portal.common.Formats.date(day);
    }
}
