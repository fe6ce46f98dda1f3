package vn.gov.moha.portal.dashboard;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/** The dashboard screen on the generated year: figures, filters, roll-up and drill-down, per person. */
@PortalTest
class DashboardViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    DashboardDataset data;

    @org.springframework.beans.factory.annotation.Autowired
    vn.gov.moha.portal.workflow.period.ReportingPeriods periods;

    @BeforeEach
    void generate() {
        data = new DashboardDataset(jdbc).generate();
    }

    private DashboardView open(String who) {
        login(who);
        navigate("dashboard");
        return _get(DashboardView.class);
    }

    private static String figure(String name) {
        Div card = _get(Div.class, spec -> spec.withClasses("figure-" + name));
        return _get(card, Span.class, spec -> spec.withClasses("figure-value")).getText();
    }

    /** The matrix as the browser receives it: one HTML text. */
    private static Document matrix() {
        return Jsoup.parse(_get(MatrixTable.class).getElement().getProperty("innerHTML"));
    }

    private static Elements unitColumns() {
        return matrix().select("th.unit-head");
    }

    private static Elements taskRows() {
        return matrix().select("th.task-cell");
    }

    private static Elements cellLinks() {
        return matrix().select(".cell-link");
    }

    /** An assignment cell: a link the router follows. */
    private static Element assignmentCell() {
        return cellLinks().select("a[router-link]").first();
    }

    /** A click on the matrix as the browser sends it: what the listener's filter and data expression give. */
    private static void clickMatrix(String cellKey) {
        JsonObject data = Json.createObject();
        data.put("event.target.closest('button.cell-link') != null", true);
        data.put(MatrixTable.CLICKED, cellKey);
        _fireDomEvent(_get(MatrixTable.class), "click", data);
    }

    private static String svg(Div chart) {
        return chart.getElement().getProperty("innerHTML");
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void aLeaderSeesTheYearsFiguresAndEveryUnit() {
        DashboardView view = open("lanhdao");
        DashboardFilter all = DashboardFilter.of(2024);
        // by default only the units holding assignments; unticked, every unit of the year
        assertThat(unitColumns())
                .hasSize(data.expectedColumns("lanhdao", all, false).size());
        HasValueUtilsKt._setValue(view.onlyWithWork, false);
        var expected = data.expectedByState("lanhdao", all);
        for (DeadlineState s : DeadlineState.values()) {
            assertThat(figure(s.name())).as(s.name()).isEqualTo(String.format(Locale.GERMANY, "%,d", expected.get(s)));
        }
        assertThat(figure("total")).isEqualTo(String.valueOf(data.assignments.size()));
        assertThat(figure("extensions")).isEqualTo(String.valueOf(data.expectedOpenExtensions("lanhdao", all)));
        assertThat(figure("waiting"))
                .isEqualTo(String.valueOf(data.expectedWaiting("lanhdao", all).values().stream()
                        .mapToLong(Long::longValue)
                        .sum()));
        var now = periods.previous(
                periods.dueNext(vn.gov.moha.portal.workflow.period.ReportingPeriod.MONTHLY, data.today));
        long[] missing = data.expectedMissing(
                "lanhdao",
                null,
                now.key(),
                now.from(),
                now.to(),
                periods.previous(now).due());
        assertThat(figure("not-reported")).isEqualTo(String.format(Locale.GERMANY, "%,d", missing[0]));
        assertThat(_find(Span.class, spec -> spec.withClasses("waiting-step")))
                .extracting(Span::getText)
                .contains("Tỉnh, bước 3 (Lãnh đạo Bộ): "
                        + data.expectedWaiting("lanhdao", all).get("PROVINCE/3"));
        assertThat(taskRows()).hasSize(10);
        // 17 departments and 64 provinces (63 of 2024 and the new Huế, which holds work here)
        assertThat(unitColumns()).hasSize(17 + 64);
        assertThat(cellLinks()).hasSize(data.assignments.size());
        assertThat(svg(view.statesChart)).startsWith("<svg").contains("Hoàn thành quá hạn: ");
        assertThat(svg(view.progressChart)).contains("03/2024", "05/2024");
        assertThat(svg(view.lateChart)).contains("<rect");
        // every bar segment of the states chart says its figure, as the model counts it
        data.expectedStatesByTask("lanhdao", all).forEach((key, n) -> {
            long taskId = Long.parseLong(key.substring(0, key.indexOf('/')));
            DeadlineState s = DeadlineState.valueOf(key.substring(key.indexOf('/') + 1));
            int number = data.tasks.stream()
                    .filter(x -> x.id() == taskId)
                    .findFirst()
                    .orElseThrow()
                    .number();
            assertThat(svg(view.statesChart))
                    .contains("NV " + number + " – " + UI.getCurrent().getTranslation(s.translationKey()) + ": " + n
                            + "</title>");
        });
        System.out.printf(
                "Leader's dashboard: %d rows, %d columns, %d cells, figures %s%n",
                taskRows().size(), unitColumns().size(), cellLinks().size(), expected);
    }

    @Test
    void filtersNarrowTheMatrixAndTheFigures() {
        DashboardView view = open("lanhdao");
        HasValueUtilsKt._setValue(view.onlyWithWork, false);
        DashboardDataset.Task task3 = data.tasks.get(2);
        HasValueUtilsKt._setValue(
                view.task,
                view.task
                        .getListDataView()
                        .getItems()
                        .filter(t -> t.getNumber() == 3)
                        .findFirst()
                        .orElseThrow());
        assertThat(taskRows()).hasSize(1);
        long ofTask3 = data.assignments.stream().filter(a -> a.task() == task3).count();
        assertThat(cellLinks()).hasSize((int) ofTask3);
        assertThat(figure("total")).isEqualTo(String.valueOf(ofTask3));

        HasValueUtilsKt._setValue(view.kind, UnitKind.DEPARTMENT);
        assertThat(unitColumns()).hasSize(17);
        HasValueUtilsKt._setValue(view.task, null);
        HasValueUtilsKt._setValue(view.kind, null);

        HasValueUtilsKt._setValue(view.state, DeadlineState.IN_PROGRESS_OVERDUE);
        Elements filled = matrix().select("td:not(.empty)");
        assertThat(filled)
                .isNotEmpty()
                .allSatisfy(td -> assertThat(td.classNames()).contains("state-in-progress-overdue"));
        assertThat(filled).hasSize((int) data.assignments.stream()
                .filter(a -> a.state() == DeadlineState.IN_PROGRESS_OVERDUE)
                .count());
        // the state picks cells; the headline still counts every state
        assertThat(figure("total")).isEqualTo(String.valueOf(data.assignments.size()));
        HasValueUtilsKt._setValue(view.state, null);

        long lanhdao2 = data.userIds.get("lanhdao2");
        HasValueUtilsKt._setValue(
                view.leader,
                view.leader
                        .getListDataView()
                        .getItems()
                        .filter(u -> u.getId() == lanhdao2)
                        .findFirst()
                        .orElseThrow());
        assertThat(cellLinks()).hasSize((int) data.assignments.stream()
                .filter(a -> a.leaderId() != null && a.leaderId() == lanhdao2)
                .count());
        HasValueUtilsKt._setValue(view.leader, null);
    }

    /**
     * The period filter: Tháng 12/2024 shows the year as it stood on 14/12/2024 (the generated deadlines
     * and completions are all later: every assignment in progress, none overdue) and the units that did
     * not send that month's report; the figure opens "Báo cáo định kỳ" on the same rows; a cell still
     * opens its assignment.
     */
    @Test
    void thePeriodFilterAndTheNotReportedFigure() {
        DashboardView view = open("lanhdao");
        HasValueUtilsKt._setValue(view.onlyWithWork, false);
        var december = view.period
                .getListDataView()
                .getItems()
                .filter(p -> p.key().equals("2024-M12"))
                .findFirst()
                .orElseThrow();
        HasValueUtilsKt._setValue(view.period, december);
        DashboardDataset then = data.asOf(java.time.LocalDate.of(2024, 12, 14));
        var states = then.expectedByState("lanhdao", DashboardFilter.of(2024));
        for (DeadlineState s : DeadlineState.values()) {
            assertThat(figure(s.name())).as(s.name()).isEqualTo(String.format(Locale.GERMANY, "%,d", states.get(s)));
        }
        // on 14/12/2024 no dated assignment was due yet; the ongoing ones are their own group
        assertThat(states.get(DeadlineState.IN_PROGRESS_ON_TIME) + states.get(DeadlineState.ONGOING))
                .isEqualTo(data.assignments.size());
        assertThat(states.get(DeadlineState.ONGOING)).isPositive();
        assertThat(view.period.getHelperText()).isEqualTo("Tình hình tại ngày 14/12/2024");
        long[] missing = data.expectedMissingDecember2024("lanhdao", null);
        assertThat(figure("not-reported")).isEqualTo(String.valueOf(missing[0]));
        assertThat(svg(view.lateReportsChart)).contains("Chưa báo cáo: ");
        // the matrix cells' percent is the best reported by 14/12/2024
        Element cell = assignmentCell();
        long id = Long.parseLong(cell.attr("href").substring("assignments/".length()));
        DashboardDataset.A a =
                then.assignments.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertThat(cell.attr("aria-label")).contains(a.percent() + " %");

        Anchor link = _get(Anchor.class, spec -> spec.withClasses("figure-link"));
        assertThat(link.getHref()).isEqualTo("reporting?status=MISSING&year=2024&kind=MONTHLY&period=2024-M12");
        AnchorsKt._click(link);
        assertThat(path()).isEqualTo("reporting");
        Span chip = _get(Span.class, spec -> spec.withClasses("count-missing"));
        assertThat(chip.getText()).isEqualTo("Chưa báo cáo: " + missing[1]);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Object> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo((int) missing[1]);
        System.out.printf(
                "Tháng 12/2024: %s by state; %d units (%d reports) not reported; the figure opened "
                        + "/reporting with '%s' and %d rows%n",
                states, missing[0], missing[1], chip.getText(), com.github.mvysny.kaributesting.v10.GridKt._size(grid));
    }

    /** Without a period the figure opens "this period" of each kind on the reporting screen. */
    @Test
    void notReportedThisPeriodOpensTheLatestDuePeriods() {
        open("quanly");
        Anchor link = _get(Anchor.class, spec -> spec.withClasses("figure-link"));
        assertThat(link.getHref()).isEqualTo("reporting?status=MISSING&year=2024&lastDue=true");
        String shown = figure("not-reported");
        var now = periods.previous(
                periods.dueNext(vn.gov.moha.portal.workflow.period.ReportingPeriod.MONTHLY, data.today));
        long[] missing = data.expectedMissing(
                "quanly",
                null,
                now.key(),
                now.from(),
                now.to(),
                periods.previous(now).due());
        assertThat(shown).isEqualTo(String.valueOf(missing[0]));
        AnchorsKt._click(link);
        assertThat(path()).isEqualTo("reporting");
        assertThat(_get(Span.class, spec -> spec.withClasses("count-missing")).getText())
                .isEqualTo("Chưa báo cáo: " + missing[1]);
        System.out.printf(
                "quanly: %s units (%d reports) have not reported %s; the reporting screen agrees%n",
                shown, missing[1], now.key());
    }

    @Test
    void clickingACellOpensItsAssignment() {
        open("lanhdao");
        Element cell = assignmentCell();
        String href = cell.attr("href");
        assertThat(href).matches("assignments/\\d+");
        long id = Long.parseLong(href.substring("assignments/".length()));
        DashboardDataset.A a =
                data.assignments.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertThat(cell.attr("aria-label"))
                .contains("Nhiệm vụ " + a.task().number())
                .contains(UI.getCurrent().getTranslation(a.state().translationKey()))
                .contains(a.percent() + " %");
        assertThat(cell.select("svg.state-icon use").attr("href"))
                .isEqualTo("#matrix-" + MatrixTable.cssClass(a.state()));
        UI.getCurrent().navigate(href); // what the browser's router does with a router link
        assertThat(path()).isEqualTo("assignments/" + id);
        System.out.printf("Clicked the cell \"%s\": now at /%s%n", cell.attr("aria-label"), path());
    }

    @Test
    void aUnitOfficerSeesOnlyTheirUnitsWork() {
        DashboardView view = open("lamdong.cv");
        List<DashboardDataset.A> visible = data.scoped("lamdong.cv", DashboardFilter.of(2024));
        Set<String> ids = visible.stream().map(a -> "assignments/" + a.id()).collect(Collectors.toSet());
        assertThat(cellLinks())
                .hasSize(visible.size())
                .allSatisfy(c -> assertThat(ids).contains(c.attr("href")));
        Set<Long> columns = visible.stream().map(a -> a.unit().id()).collect(Collectors.toSet());
        assertThat(unitColumns()).hasSize(columns.size());
        assertThat(figure("total")).isEqualTo(String.valueOf(visible.size()));
        assertThat(view.onlyWithWork.isVisible()).isFalse();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("dashboard-scope"))
                        .getText())
                .contains("Lâm Đồng");
        System.out.printf(
                "lamdong.cv sees %d of %d assignments in %d columns%n",
                visible.size(), data.assignments.size(), unitColumns().size());
    }

    @Test
    void rollUpShowsTheProvincesOf2025AndListsWhatAMergedCellHolds() {
        DashboardView view = open("lanhdao");
        HasValueUtilsKt._setValue(view.onlyWithWork, false);
        HasValueUtilsKt._setValue(view.kind, UnitKind.PROVINCE);
        assertThat(unitColumns()).hasSize(64);
        HasValueUtilsKt._setValue(view.rollUp, true);
        assertThat(unitColumns()).hasSize(34);
        assertThat(unitColumns())
                .extracting(th -> th.attr("title"))
                .contains("Sở Nội vụ tỉnh Tuyên Quang")
                .doesNotContain("Sở Nội vụ tỉnh Hà Giang");

        Element merged = cellLinks().select("button").first();
        String[] key = merged.attr("data-cell").split(":");
        long taskId = Long.parseLong(key[0]);
        long unitId = Long.parseLong(key[1]);
        List<DashboardDataset.A> behind = data.assignments.stream()
                .filter(a -> a.task().id() == taskId && data.key(a.unit(), true) == unitId)
                .toList();
        clickMatrix(merged.attr("data-cell"));
        Dialog dialog = _get(Dialog.class);
        List<Anchor> links = _find(dialog, Anchor.class, spec -> spec.withClasses("cell-assignment"));
        assertThat(links)
                .extracting(Anchor::getHref)
                .containsExactlyInAnyOrderElementsOf(
                        behind.stream().map(a -> "assignments/" + a.id()).toList());
        System.out.printf(
                "Rolled-up cell \"%s\" lists %s%n",
                merged.attr("aria-label"), links.stream().map(Anchor::getHref).toList());
        AnchorsKt._click(links.get(0));
        assertThat(path()).isEqualTo(links.get(0).getHref());
    }

    /** Only a rolled-up cell the matrix shows opens a list: a click naming another unit's cell opens nothing. */
    @Test
    void aClickNamingACellNotShownOpensNothing() {
        DashboardView view = open("lanhdao");
        HasValueUtilsKt._setValue(view.rollUp, true);
        String elsewhere = cellLinks().select("button").stream()
                .filter(b -> !b.attr("aria-label").contains("Lâm Đồng"))
                .findFirst()
                .orElseThrow()
                .attr("data-cell");

        view = open("lamdong.cv");
        HasValueUtilsKt._setValue(view.rollUp, true);
        assertThat(cellLinks().select("button"))
                .extracting(b -> b.attr("data-cell"))
                .doesNotContain(elsewhere);
        clickMatrix(elsewhere);
        assertThat(_find(Dialog.class)).isEmpty();
        clickMatrix(assignmentCell().attr("href"));
        assertThat(_find(Dialog.class)).isEmpty();
        System.out.printf(
                "lamdong.cv sent a click on the rolled-up cell %s of another province: no list opened%n", elsewhere);
    }

    @Test
    void englishDashboard() {
        login("lanhdao");
        useLocale(Locale.ENGLISH);
        navigate("dashboard");
        HasValueUtilsKt._setValue(_get(DashboardView.class).onlyWithWork, false);
        assertThat(matrix().select("th.group-head"))
                .extracting(Element::text)
                .containsExactly("Ministry units", "Provinces");
        assertThat(unitColumns()).extracting(Element::text).contains("Lâm Đồng");
    }
}
