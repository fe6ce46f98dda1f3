package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.ProgrammeYear;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.SearchFields;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingExports;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/**
 * "Báo cáo định kỳ": for the periods of a year, which units reported on time, late or not at all,
 * with the count of each, filtered by kind, period, status, task and unit. Leaders, managers and
 * ADMIN see every unit, a unit's staff their own (the service decides). A row opens its assignment.
 *
 * <p>Over 300 lines as formatted: one screen, most of it its filter bar and grid columns.
 */
@Route("reporting")
@Menu(order = 2.7, icon = "vaadin:calendar-clock", title = "nav.reporting")
@PermitAll
class ReportingView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ReportingService service;
    private final ReportingPeriods periods;
    private final boolean english;

    final Select<Integer> year = new Select<>();
    final Select<ReportingPeriod> kind = new Select<>();
    final Select<Period> period = new Select<>();
    final Select<PeriodStatus> status = new Select<>();
    final Select<PriorityTask> task = new Select<>();
    final TextField search = new TextField();
    final Checkbox lastDue = new Checkbox();
    final Grid<ReportingRow> grid = new Grid<>();
    final Div summary = new Div();
    final ExportButton export;

    final Tabs tabs = new Tabs();
    final AdhocGrid adhocGrid = new AdhocGrid();

    ReportingView(
            ReportingService service,
            ReportingPeriods periods,
            TaskService tasks,
            ReportingExports exports,
            AdhocService adhoc) {
        this.service = service;
        this.periods = periods;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("reporting-view");
        setSizeFull();

        int thisYear = LocalDate.now().getYear();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(thisYear);
        List<PriorityTask> allTasks = new ArrayList<>();
        for (ProgrammeYear y : tasks.years()) {
            years.add(y.getYear());
            allTasks.addAll(tasks.tasksOf(y.getYear(), ""));
        }
        year.setLabel(getTranslation("task.year"));
        year.setItems(years);
        year.setItemLabelGenerator(y -> getTranslation("task.year.label", String.valueOf(y)));
        year.setValue(thisYear);

        kind.setLabel(getTranslation("reporting.kind"));
        kind.setItems(ReportingPeriod.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("reporting.allKinds"));
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("reporting.allKinds") : getTranslation(k.translationKey()));

        period.setLabel(getTranslation("reporting.period"));
        period.setEmptySelectionAllowed(true);
        period.setEmptySelectionCaption(getTranslation("reporting.allPeriods"));
        period.setItemLabelGenerator(p -> p == null ? getTranslation("reporting.allPeriods") : p.label(getLocale()));

        status.setLabel(getTranslation("reporting.status"));
        status.setItems(PeriodStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("reporting.allStatuses"));
        status.setItemLabelGenerator(
                s -> s == null ? getTranslation("reporting.allStatuses") : getTranslation(s.translationKey()));

        task.setLabel(getTranslation("reporting.task"));
        task.setItems(allTasks);
        task.setEmptySelectionAllowed(true);
        task.setEmptySelectionCaption(getTranslation("reporting.allTasks"));
        task.setItemLabelGenerator(t -> t == null
                ? getTranslation("reporting.allTasks")
                : t.getNumber() + ". " + t.title(english) + " (" + t.getYear() + ")");
        task.addClassName("task-filter");

        lastDue.setLabel(getTranslation("reporting.lastDue"));
        lastDue.setTooltipText(getTranslation("reporting.lastDue.help"));
        lastDue.addClassName("last-due");
        lastDue.addValueChangeListener(e -> {
            period.setEnabled(!e.getValue()
                    && !period.getListDataView().getItems().toList().isEmpty());
            year.setEnabled(!e.getValue());
            refresh();
        });

        SearchFields.setUp(search, getTranslation("reporting.search.placeholder"), this::refresh);
        year.addValueChangeListener(e -> loadPeriods());
        kind.addValueChangeListener(e -> loadPeriods());
        period.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        task.addValueChangeListener(e -> refresh());

        export = new ExportButton(getTranslation("export.xlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            ReportingFilter f = filter();
            java.util.Locale locale = getLocale();
            return progress -> exports.reporting(f, locale, progress);
        });
        HorizontalLayout toolbar = new HorizontalLayout(year, kind, period, status, task, search, lastDue, export);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        var when = grid.addComponentColumn(this::periodCell)
                .setHeader(getTranslation("reporting.period"))
                .setKey("period")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::unitCell)
                .setHeader(getTranslation("reporting.unit"))
                .setKey("unit")
                .setFlexGrow(2);
        var taskColumn = grid.addColumn(r -> r.taskNumber() + ". " + r.taskTitle(english))
                .setHeader(getTranslation("reporting.task"))
                .setKey("task")
                .setFlexGrow(3);
        var state = grid.addComponentColumn(this::statusCell)
                .setHeader(getTranslation("reporting.status"))
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.onNarrow(grid, narrow -> List.of(when, taskColumn, state).forEach(c -> c.setVisible(!narrow)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("reporting.none"));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        AssignmentView.class,
                        new RouteParameters(
                                AssignmentView.ID, String.valueOf(e.getItem().assignmentId()))));
        grid.setSizeFull();

        summary.addClassName("reporting-summary");
        Paragraph intro = new Paragraph(getTranslation("reporting.intro"));
        intro.addClassName("lead");
        // a second tab: the ad hoc and thematic requests, with each asked unit's state (read when opened)
        Tab periodic = new Tab(getTranslation("nav.reporting"));
        Tab adhocTab = new Tab(getTranslation("nav.adhoc"));
        tabs.add(periodic, adhocTab);
        Paragraph adhocIntro = new Paragraph(getTranslation("adhoc.intro"));
        adhocIntro.addClassName("lead");
        adhocIntro.setVisible(false);
        adhocGrid.setVisible(false);
        adhocGrid.setSizeFull();
        tabs.addSelectedChangeListener(e -> {
            boolean isPeriodic = e.getSelectedTab() == periodic;
            List.of(intro, toolbar, summary, grid).forEach(c -> c.setVisible(isPeriodic));
            adhocIntro.setVisible(!isPeriodic);
            adhocGrid.setVisible(!isPeriodic);
            if (!isPeriodic) {
                adhocGrid.load(adhoc);
            }
        });
        add(tabs, intro, toolbar, summary, grid, adhocIntro, adhocGrid);
        loadPeriods();
    }

    /** "Quý II/2024" over "Hạn gửi 20/06/2024". */
    private Div periodCell(ReportingRow r) {
        return stack(
                new Span(r.period().label(getLocale())),
                note(getTranslation("reporting.due") + " " + due(this, r.period())));
    }

    /** The unit; on a phone also the period, its due date and the status, as the other columns are hidden. */
    private Div unitCell(ReportingRow r) {
        Span more = note(
                r.period().label(getLocale()) + " · " + getTranslation("reporting.due") + " " + due(this, r.period()));
        more.addClassName("narrow-only");
        Span badge = statusBadge(r);
        badge.addClassName("narrow-only");
        return stack(new Span(r.unitName(english)), more, badge);
    }

    /** The badge over "Gửi lần đầu 24/06/2024 15:30" when a report was sent. */
    private Div statusCell(ReportingRow r) {
        Div cell = stack(statusBadge(r));
        if (r.submittedAt() != null) {
            cell.add(note(getTranslation("reporting.submittedAt") + " " + Formats.dateTime(r.submittedAt())));
        }
        return cell;
    }

    /** "21/04/2025 (dời từ Chủ nhật 20/04/2025, ngày nghỉ)" when the rule's day was a day off, else the date. */
    static String due(com.vaadin.flow.component.Component c, Period p) {
        return Formats.date(p.due())
                + (p.dueMoved() ? " (" + c.getTranslation("reporting.due.moved", Formats.date(p.ruleDue())) + ")" : "");
    }

    private static Div stack(com.vaadin.flow.component.Component... parts) {
        Div cell = new Div(parts);
        cell.addClassName("cell-stack");
        return cell;
    }

    private static Span note(String text) {
        Span note = new Span(text);
        note.addClassName("cell-note");
        return note;
    }

    static Span statusBadge(ReportingRow row) {
        Span badge = new Span();
        badge.setText(badge.getTranslation(row.status().translationKey()));
        badge.getElement().getThemeList().add(row.status().theme());
        badge.addClassName("period-status");
        badge.addClassName("period-" + row.status().name().toLowerCase().replace('_', '-'));
        return badge;
    }

    /** The periods of the chosen year and kind that have begun; choosing a kind selects none (all of them). */
    private void loadPeriods() {
        LocalDate today = LocalDate.now();
        List<Period> begun = kind.getValue() == null || year.getValue() == null
                ? List.of()
                : periods.ofYear(kind.getValue(), year.getValue()).stream()
                        .filter(p -> !p.from().isAfter(today))
                        .sorted(Comparator.comparing(Period::to).reversed())
                        .toList();
        period.setItems(begun);
        period.setEnabled(!begun.isEmpty() && !lastDue.getValue());
        refresh();
    }

    ReportingFilter filter() {
        ReportingFilter f = new ReportingFilter(
                year.getValue() == null ? 0 : year.getValue(),
                kind.getValue(),
                period.getValue() == null ? null : period.getValue().key(),
                task.getValue() == null ? null : task.getValue().getId(),
                status.getValue(),
                search.getValue());
        return lastDue.getValue() ? f.lastDueOnly() : f;
    }

    /**
     * The dashboard links here with its filters: {@code year}, {@code kind}, {@code period} (a key such as
     * 2026-Q3), {@code task} (id), {@code status} (e.g. MISSING) and {@code lastDue=true}. Values that do
     * not name anything on this screen are ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String y = first(q, "year");
        if (y != null
                && y.matches("\\d{4}")
                && year.getListDataView().getItems().anyMatch(v -> v == Integer.parseInt(y))) {
            year.setValue(Integer.parseInt(y));
        }
        java.util.Arrays.stream(ReportingPeriod.values())
                .filter(k -> k.name().equals(first(q, "kind")))
                .findFirst()
                .ifPresent(kind::setValue);
        String key = first(q, "period");
        period.getListDataView()
                .getItems()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .ifPresent(period::setValue);
        String t = first(q, "task");
        task.getListDataView()
                .getItems()
                .filter(x -> String.valueOf(x.getId()).equals(t))
                .findFirst()
                .ifPresent(task::setValue);
        java.util.Arrays.stream(PeriodStatus.values())
                .filter(s -> s.name().equals(first(q, "status")))
                .findFirst()
                .ifPresent(status::setValue);
        lastDue.setValue("true".equals(first(q, "lastDue")));
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void refresh() {
        ReportingFilter withoutStatus = filter().withStatus(null);
        Map<PeriodStatus, Long> counts = service.counts(withoutStatus);
        summary.removeAll();
        for (PeriodStatus s : PeriodStatus.values()) {
            Span chip = new Span(getTranslation(s.translationKey()) + ": " + counts.get(s));
            chip.getElement().getThemeList().add(s.theme());
            chip.addClassName("count-" + s.name().toLowerCase().replace('_', '-'));
            summary.add(chip);
        }
        ReportingFilter f = filter();
        long total = f.status() == null
                ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.get(f.status());
        grid.setItems(q -> service.rows(f, q.getOffset(), q.getLimit()).stream(), q -> (int) total);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reporting");
    }
}
