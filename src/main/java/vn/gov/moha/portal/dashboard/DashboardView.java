package vn.gov.moha.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.dashboard.Figures.Cell;
import vn.gov.moha.portal.dashboard.Figures.Headline;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.WaitingStep;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.ProgrammeYear;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.MissingReports;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;

/**
 * "Bảng điều hành": the year at a glance for leaders and managers; a unit's staff see the same
 * for their own unit (the service decides what each person sees). Headline figures, the task x
 * unit matrix and four charts, all following the filters at the top.
 *
 * <p>Over 300 lines: the filter bar, headline, matrix and charts of one screen, all wired to the same filters.
 */
@Route("dashboard")
@Menu(order = 1.2, icon = "vaadin:dashboard", title = "nav.dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    final Select<Integer> year = new Select<>();
    final Select<PriorityTask> task = new Select<>();
    final Select<UnitKind> kind = new Select<>();
    final Select<AppUser> leader = new Select<>();
    final Select<DeadlineState> state = new Select<>();
    /**
     * A combo box, not a select: the periods since the programme year began are dozens (57 by December 2026), and a
     * select sends each as a component with the page, where a combo box sends them only when it is opened.
     */
    final ComboBox<Period> period = new ComboBox<>();

    final Checkbox rollUp = new Checkbox();
    final Checkbox onlyWithWork = new Checkbox();
    final Div headline = new Div();
    final Div matrixHolder = new Div();
    final Div progressChart = new Div();
    final Div statesChart = new Div();
    final Div lateChart = new Div();
    final Div lateReportsChart = new Div();
    /** The late ad hoc and thematic reports, a line of their own under the charts (by due date in the year). */
    final Paragraph adhocLate = new Paragraph();

    private final AdhocService adhoc;
    final ExportButton matrixExport;
    final ExportButton pdfExport;
    private Runnable drawCharts = () -> {};
    private boolean narrow;

    private final DashboardService service;
    private final TaskService tasks;
    private final ReportingPeriods periods;
    private final boolean english;
    private final boolean seesAll;

    DashboardView(
            DashboardService service,
            TaskService tasks,
            UserService users,
            CurrentUser currentUser,
            ReportingPeriods periods,
            DashboardExports exports,
            SummaryExports summary,
            AdhocService adhoc) {
        this.service = service;
        this.adhoc = adhoc;
        this.tasks = tasks;
        this.periods = periods;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        PortalUser me = currentUser.require();
        this.seesAll = me.has(Role.LEADER) || me.has(Role.ADMIN);
        addClassName("page");
        addClassName("dashboard");

        if (!seesAll) {
            Paragraph scope = new Paragraph(getTranslation(
                    me.has(Role.MANAGER) ? "dashboard.scope.manager" : "dashboard.scope.unit",
                    me.unitName() == null ? "" : me.unitName()));
            scope.addClassNames("hint", "dashboard-scope");
            add(scope);
        }

        year.setLabel(getTranslation("task.year"));
        List<ProgrammeYear> years = tasks.years();
        year.setItems(years.stream().map(ProgrammeYear::getYear).toList());
        year.setItemLabelGenerator(y -> getTranslation("task.year.label", String.valueOf(y)));
        TaskService.current(years).ifPresent(y -> year.setValue(y.getYear()));
        task.setLabel(getTranslation("assignment.task"));
        task.setEmptySelectionAllowed(true);
        task.setEmptySelectionCaption(getTranslation("assignment.allTasks"));
        task.setItemLabelGenerator(
                t -> t == null ? getTranslation("assignment.allTasks") : t.getNumber() + ". " + t.title(english));
        task.addClassName("task-filter");
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.DEPARTMENT, UnitKind.PROVINCE);
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("dashboard.filter.allUnits"));
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("dashboard.filter.allUnits") : getTranslation(k.translationKey()));
        leader.setLabel(getTranslation("task.leader"));
        leader.setItems(users.leaders());
        leader.setEmptySelectionAllowed(true);
        leader.setEmptySelectionCaption(getTranslation("dashboard.filter.allLeaders"));
        leader.setItemLabelGenerator(u -> u == null ? getTranslation("dashboard.filter.allLeaders") : u.getFullName());
        state.setLabel(getTranslation("assignment.state"));
        state.setItems(DeadlineState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("dashboard.filter.allStates"));
        state.setItemLabelGenerator(
                s -> s == null ? getTranslation("dashboard.filter.allStates") : getTranslation(s.translationKey()));
        // a reporting period of the year: the figures as they stood at the end of its data window
        // (what that means for each block: DashboardService)
        period.setLabel(getTranslation("dashboard.filter.period"));
        // empty is the whole year: said by the placeholder, and the clear button goes back to it
        period.setPlaceholder(getTranslation("dashboard.filter.period.year"));
        period.setClearButtonVisible(true);
        period.setItemLabelGenerator(p -> p.label(getLocale()));
        period.addClassName("period-filter");
        rollUp.setLabel(getTranslation("dashboard.filter.rollUp"));
        onlyWithWork.setLabel(getTranslation("dashboard.filter.onlyWithWork"));
        onlyWithWork.setValue(true);
        onlyWithWork.setVisible(seesAll);

        HorizontalLayout filters = new HorizontalLayout(year, task, kind, leader, state, period);
        filters.addClassName("toolbar");
        filters.addClassName("dashboard-filters");
        filters.setWidthFull();
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        java.util.Locale locale = getLocale();
        matrixExport = new ExportButton(getTranslation("export.matrixXlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            DashboardFilter f = filter();
            boolean only = onlyWithWork.getValue();
            return progress -> exports.matrix(f, only, locale, progress);
        });
        pdfExport = new ExportButton(getTranslation("export.pdf"), VaadinIcon.FILE_TEXT_O.create(), () -> {
            DashboardFilter f = filter();
            return progress -> summary.summary(f, locale, progress);
        });
        pdfExport.button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        pdfExport.setVisible(summary.canTakeSummary());
        HorizontalLayout downloads = new HorizontalLayout(pdfExport, matrixExport);
        downloads.addClassName("toolbar");
        downloads.addClassName("dashboard-exports");
        downloads.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout switches = new HorizontalLayout(rollUp, onlyWithWork);
        switches.addClassName("toolbar");
        headline.addClassName("headline");
        matrixHolder.addClassName("matrix-holder");

        Div charts = new Div(
                chartCard("dashboard.chart.progress", progressChart, hint("dashboard.chart.progress.hint")),
                chartCard("dashboard.chart.states", statesChart, legend(DeadlineState.values())),
                chartCard(
                        "dashboard.chart.late",
                        lateChart,
                        legend(DeadlineState.IN_PROGRESS_OVERDUE, DeadlineState.DONE_LATE)),
                chartCard("dashboard.chart.lateReports", lateReportsChart, reportLegend()));
        charts.addClassName("charts");
        Responsive.onNarrow(charts, phone -> {
            narrow = phone;
            drawCharts.run();
        });

        H3 matrixTitle = new H3(getTranslation("dashboard.matrix"));
        adhocLate.addClassName("hint");
        adhocLate.addClassName("adhoc-late");
        add(
                filters,
                downloads,
                headline,
                matrixTitle,
                switches,
                legend(DeadlineState.values()),
                matrixHolder,
                charts,
                adhocLate);

        year.addValueChangeListener(e -> {
            loadTasks();
            loadPeriods();
            refresh();
        });
        period.addValueChangeListener(e -> refresh());
        task.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        leader.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        rollUp.addValueChangeListener(e -> refresh());
        onlyWithWork.addValueChangeListener(e -> refresh());
        loadTasks();
        loadPeriods();
        refresh();
    }

    DashboardFilter filter() {
        return new DashboardFilter(
                year.getValue() == null ? 0 : year.getValue(),
                task.getValue() == null ? null : task.getValue().getId(),
                kind.getValue(),
                leader.getValue() == null ? null : leader.getValue().getId(),
                state.getValue(),
                rollUp.getValue(),
                period.getValue() == null ? null : period.getValue().key());
    }

    /**
     * The periods from the programme year's first to the one open today (a year's tasks may run on after
     * it), newest first; of periods ending together the longest first (the year, the half, the quarter).
     */
    private void loadPeriods() {
        LocalDate today = LocalDate.now();
        List<Period> begun = new java.util.ArrayList<>();
        for (int y = year.getValue() == null ? today.getYear() + 1 : year.getValue(); y <= today.getYear(); y++) {
            periods.ofYear(y).stream().filter(p -> !p.from().isAfter(today)).forEach(begun::add);
        }
        begun.sort(java.util.Comparator.comparing(Period::to)
                .reversed()
                .thenComparingInt(p -> ReportingPeriods.perYear(p.kind())));
        if (period.getValue() != null && !begun.contains(period.getValue())) {
            period.clear(); // a period of another programme year
        }
        period.setItems(begun);
    }

    private void loadTasks() {
        task.setItems(year.getValue() == null ? List.of() : tasks.tasksOf(year.getValue(), ""));
    }

    private void refresh() {
        headline.removeAll();
        matrixHolder.removeAll();
        if (year.getValue() == null) {
            return;
        }
        DashboardFilter f = filter();
        Period p = period.getValue();
        LocalDate today = LocalDate.now();
        period.setHelperText(
                p == null
                        ? null
                        : getTranslation(
                                "dashboard.filter.period.asOf", Formats.date(p.to().isBefore(today) ? p.to() : today)));
        showHeadline(f, service.headline(f));
        Matrix matrix = service.matrix(f, onlyWithWork.getValue());
        if (matrix.cells().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("dashboard.matrix.none"));
            none.addClassName("hint");
            matrixHolder.add(none);
        }
        matrixHolder.add(new MatrixTable(matrix, english, this::getTranslation, cell -> openList(f, cell)));
        var progress = service.progressByMonth(f);
        var states = service.statesByTask(f);
        var late = service.lateUnits(f);
        var lateReports = service.lateReports(f);
        showAdhocLate(f.year());
        drawCharts = () -> {
            svg(progressChart, SvgCharts.progress(progress, matrix.rows(), narrow, this::getTranslation));
            svg(statesChart, SvgCharts.states(states, matrix.rows(), narrow, this::getTranslation));
            svg(lateChart, SvgCharts.lateUnits(late, english, narrow, this::getTranslation));
            svg(lateReportsChart, SvgCharts.lateReports(lateReports, english, narrow, this::getTranslation));
        };
        drawCharts.run();
    }

    private void showAdhocLate(int year) {
        AdhocViews.Lateness late = adhoc.lateness(year);
        adhocLate.removeAll();
        adhocLate.add(
                new Span(getTranslation(
                        "dashboard.adhocLate",
                        String.valueOf(year),
                        String.valueOf(late.overdue()),
                        String.valueOf(late.sentLate()))),
                new Span(" "),
                new Anchor("adhoc", getTranslation("nav.adhoc")));
    }

    private void showHeadline(DashboardFilter f, Headline h) {
        Div total = figure("figure-total", null, num(h.total()), getTranslation("dashboard.total"));
        headline.add(total);
        // the four states of dated tasks, then the ongoing ones (no deadline) as their own group
        for (DeadlineState s : DeadlineState.values()) {
            Div card = figure("figure-" + s.name(), s, num(h.count(s)), getTranslation(s.translationKey()));
            card.addClassName(MatrixTable.cssClass(s));
            headline.add(card);
        }
        Div waiting = figure("figure-waiting", null, num(h.waitingTotal()), getTranslation("dashboard.waiting"));
        Div steps = new Div();
        steps.addClassName("figure-steps");
        for (WaitingStep w : h.waiting()) {
            Span line = new Span(getTranslation(
                    "dashboard.waiting.step",
                    getTranslation("dashboard.chain." + w.chain()),
                    w.step(),
                    w.role() == null ? "?" : getTranslation(w.role().translationKey()),
                    w.count()));
            line.addClassName("waiting-step");
            steps.add(line);
        }
        waiting.add(steps);
        headline.add(waiting);
        headline.add(
                figure("figure-extensions", null, num(h.openExtensions()), getTranslation("dashboard.extensions")));
        MissingReports missing = h.notReported();
        Div notReported = figure(
                "figure-not-reported",
                null,
                num(missing.units()),
                getTranslation(f.periodKey() == null ? "dashboard.notReported" : "dashboard.notReported.period"));
        Div note = new Div();
        note.addClassName("figure-note");
        note.add(new Span(getTranslation("dashboard.notReported.reports", missing.reports())));
        note.add(new Span(missing.periods().stream()
                .map(p -> p.label(getLocale()))
                .collect(java.util.stream.Collectors.joining(", "))));
        notReported.add(note);
        // the "Báo cáo định kỳ" screen with the same periods, task and status: the same count
        Anchor link = new Anchor(reportingLink(f), "");
        link.getElement().setAttribute("router-link", "");
        link.getElement().setAttribute("aria-label", getTranslation("dashboard.notReported.open", missing.units()));
        link.add(notReported);
        link.addClassName("figure-link");
        headline.add(link);
    }

    /** reporting?lastDue=true&status=MISSING&year=2026, or with kind and period; the task when one is chosen. */
    String reportingLink(DashboardFilter f) {
        StringBuilder q = new StringBuilder("reporting?status=MISSING&year=");
        Period p = f.periodKey() == null ? null : periods.byKey(f.periodKey()).orElse(null);
        if (p == null) {
            q.append(f.year()).append("&lastDue=true");
        } else {
            q.append(p.year())
                    .append("&kind=")
                    .append(p.kind().name())
                    .append("&period=")
                    .append(p.key());
        }
        if (f.taskId() != null) {
            q.append("&task=").append(f.taskId());
        }
        return q.toString();
    }

    private String num(long n) {
        return getTranslation("dashboard.number", n);
    }

    private Div figure(String className, DeadlineState s, String value, String label) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        Span text = new Span(label);
        text.addClassName("figure-label");
        Div card = new Div();
        if (s != null) {
            card.add(MatrixTable.icon(s));
        }
        card.add(number, text);
        card.addClassNames("card", "figure", className);
        return card;
    }

    private static void svg(Div holder, String svg) {
        holder.getElement().setProperty("innerHTML", svg);
    }

    private Paragraph hint(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassName("hint");
        return p;
    }

    private Div legend(DeadlineState... states) {
        Div legend = new Div();
        legend.addClassName("matrix-legend");
        for (DeadlineState s : states) {
            Span item = new Span(MatrixTable.icon(s), new Span(getTranslation(s.translationKey())));
            item.addClassNames("legend-item", MatrixTable.cssClass(s));
            legend.add(item);
        }
        return legend;
    }

    /** Missing (hatched red) and late (dotted orange) reports, as in the "late reports" chart. */
    private Div reportLegend() {
        Div legend = new Div();
        legend.addClassName("matrix-legend");
        Span missing = new Span(
                MatrixTable.icon(DeadlineState.IN_PROGRESS_OVERDUE),
                new Span(getTranslation(PeriodStatus.MISSING.translationKey())));
        missing.addClassNames("legend-item", MatrixTable.cssClass(DeadlineState.IN_PROGRESS_OVERDUE));
        Span late = new Span(
                MatrixTable.icon(DeadlineState.DONE_LATE),
                new Span(getTranslation(PeriodStatus.LATE.translationKey())));
        late.addClassNames("legend-item", MatrixTable.cssClass(DeadlineState.DONE_LATE));
        legend.add(missing, late);
        return legend;
    }

    private Div chartCard(String titleKey, Div chart, Component below) {
        chart.addClassName("chart");
        Div card = new Div(new H3(getTranslation(titleKey)), chart, below);
        card.addClassNames("card", "chart-card");
        return card;
    }

    /** A rolled-up cell: the assignments of the predecessor provinces, each opening its page. */
    void openList(DashboardFilter f, Cell cell) {
        Dialog dialog = new Dialog();
        dialog.addClassName("cell-list");
        dialog.setHeaderTitle(getTranslation("dashboard.cell.list", cell.count()));
        Div list = new Div();
        for (Figures.CellAssignment a : service.cellAssignments(f, cell.taskId(), cell.unitId())) {
            Anchor link = new Anchor("assignments/" + a.id(), "");
            link.getElement().setAttribute("router-link", "");
            link.add(
                    MatrixTable.icon(a.state()),
                    new Span(a.unitName(english)),
                    new Span(a.percent() + "% · " + getTranslation(a.state().translationKey())
                            + (a.deadline() == null
                                    ? ""
                                    : " · " + getTranslation("assignment.deadline") + " "
                                            + Formats.date(a.deadline()))));
            link.addClassNames("cell-assignment", MatrixTable.cssClass(a.state()));
            link.getElement().addEventListener("click", e -> dialog.close());
            list.add(link);
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
