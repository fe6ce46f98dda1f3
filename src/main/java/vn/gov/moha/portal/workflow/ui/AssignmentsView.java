package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.layout.MainLayout;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.ProgrammeYear;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.SearchFields;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.AssignmentExports;

/** The assignments the user may see, page by page from the database; managers assign from here. */
@Route("assignments")
@Menu(order = 2.5, icon = "vaadin:clipboard-check", title = "nav.assignments")
@PermitAll
class AssignmentsView extends VerticalLayout implements HasDynamicTitle {

    private final AssignmentService service;
    final Grid<Assignment> grid = new Grid<>();
    final Select<Integer> year = new Select<>();
    final Select<PriorityTask> task = new Select<>();
    final TextField search = new TextField();
    private final Span count = new Span();
    final ExportButton export;
    private final TaskService tasks;
    private final boolean english;
    /** "Giao nhiệm vụ" for a manager, "Theo dõi nhiệm vụ" for the others, as in the menu. */
    private final String title;

    AssignmentsView(
            AssignmentService service,
            TaskService tasks,
            UnitService units,
            UserService users,
            AssignmentExports exports,
            CurrentUser currentUser) {
        this.service = service;
        this.title = getTranslation(MainLayout.menuTitle("nav.assignments", currentUser.require()));
        this.tasks = tasks;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        setSizeFull();

        year.setAriaLabel(getTranslation("task.year"));
        List<ProgrammeYear> years = tasks.years();
        year.setItems(years.stream().map(ProgrammeYear::getYear).toList());
        year.setItemLabelGenerator(y -> getTranslation("task.year.label", String.valueOf(y)));
        TaskService.current(years).ifPresent(y -> year.setValue(y.getYear()));
        year.addValueChangeListener(e -> {
            loadTasks();
            refresh();
        });
        task.setAriaLabel(getTranslation("assignment.task"));
        task.setEmptySelectionAllowed(true);
        task.setEmptySelectionCaption(getTranslation("assignment.allTasks"));
        task.setItemLabelGenerator(
                t -> t == null ? getTranslation("assignment.allTasks") : t.getNumber() + ". " + t.title(english));
        task.addValueChangeListener(e -> refresh());
        task.addClassName("task-filter");
        SearchFields.setUp(search, getTranslation("assignment.search.placeholder"), this::refresh);

        HorizontalLayout toolbar = new HorizontalLayout(year, task, search);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        loadTasks();
        if (task.getListDataView().getItems().anyMatch(service::canAssign)) {
            Button assign = new Button(
                    getTranslation("assignment.new"),
                    VaadinIcon.PLUS.create(),
                    e -> new AssignDialog(service, tasks, units, users, year.getValue(), english, this::refresh)
                            .open());
            assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(assign);
        }
        count.addClassName("count");
        toolbar.add(count);
        // the file holds the rows of the filter shown at the click, as the person asking may see them
        export = new ExportButton(getTranslation("export.xlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            int y = year.getValue() == null ? 0 : year.getValue();
            Long taskId = task.getValue() == null ? null : task.getValue().getId();
            String query = search.getValue();
            java.util.Locale locale = getLocale();
            return progress -> exports.assignments(y, taskId, query, locale, progress);
        });
        toolbar.add(export);

        grid.addColumn(a -> a.getTask().getNumber())
                .setHeader(getTranslation("task.number"))
                .setWidth("4.5em")
                .setFlexGrow(0);
        // text cells drawn by the browser (LitRenderer): no server-side component per cell, so a page of 50 rows
        // costs the session 50 small JSON items instead of about 450 components
        grid.addColumn(withState(LitRenderer.<Assignment>of("""
                <div class="cell-stack"><span>${item.title}</span><span class="narrow-only">${item.more}</span>\
                <span class="narrow-only ${item.stateClass}" theme="${item.stateTheme}">${item.state}</span></div>"""))
                        .withProperty("title", a -> a.getTask().title(english))
                        .withProperty(
                                "more",
                                a -> a.getLeadUnit().name(english) + " · " + schedule(a) + " · "
                                        + a.getPercentComplete() + " %"
                                        + (a.getDocument() == null ? "" : " · " + document(a))))
                .setHeader(getTranslation("assignment.task"))
                .setFlexGrow(3);
        var lead = grid.addColumn(a -> a.getLeadUnit().name(english))
                .setHeader(getTranslation("assignment.leadUnit"))
                .setFlexGrow(2);
        // the number on its line, the date under it: "01/KH-BNV ngày 05/01/2024" in one cell squeezed the task's title
        var document = grid.addColumn(LitRenderer.<Assignment>of("""
                <div class="cell-stack"><span>${item.number}</span><span class="cell-note">${item.date}</span></div>""")
                        .withProperty(
                                "number",
                                a -> a.getDocument() == null
                                        ? "–"
                                        : a.getDocument().getNumber())
                        .withProperty(
                                "date",
                                a -> a.getDocument() == null
                                        ? ""
                                        : Formats.date(a.getDocument().getIssuedOn())))
                .setHeader(getTranslation("assignment.document"))
                .setWidth("9.5em")
                .setFlexGrow(0);
        var deadline = grid.addColumn(this::schedule)
                .setHeader(getTranslation("assignment.deadline"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var progress = grid.addColumn(
                        LitRenderer.<Assignment>of("""
                <div class="progress-cell"><vaadin-progress-bar min="0" max="100" value="${item.percent}">\
                </vaadin-progress-bar><span>${item.percent} %</span></div>""").withProperty("percent", Assignment::getPercentComplete))
                .setHeader(getTranslation("assignment.progress"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var state = grid.addColumn(withState(LitRenderer.<Assignment>of("""
                <span class="${item.stateClass}" theme="${item.stateTheme}">${item.state}</span>""")))
                .setHeader(getTranslation("assignment.state"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.onNarrow(
                grid,
                narrow -> List.of(lead, document, deadline, progress, state).forEach(c -> c.setVisible(!narrow)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("assignment.none"));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        AssignmentView.class,
                        new RouteParameters(
                                AssignmentView.ID, String.valueOf(e.getItem().getId()))));
        grid.setSizeFull();
        grid.setId("assignments-grid");
        add(toolbar, grid);
        refresh();
    }

    /** The deadline state as a badge in a text cell: its words, colour (theme) and class, as StateBadge. */
    private LitRenderer<Assignment> withState(LitRenderer<Assignment> renderer) {
        return renderer.withProperty(
                        "state", a -> getTranslation(a.state(LocalDate.now()).translationKey()))
                .withProperty("stateClass", a -> StateBadge.cssClass(a.state(LocalDate.now())))
                .withProperty("stateTheme", a -> StateBadge.theme(a.state(LocalDate.now())));
    }

    /** "125/QĐ-BNV ngày 22/01/2024". */
    private String document(Assignment a) {
        return getTranslation(
                "document.line",
                a.getDocument().getNumber(),
                Formats.date(a.getDocument().getIssuedOn()));
    }

    private String schedule(Assignment a) {
        return a.isOngoing() ? getTranslation(a.getReportingPeriod().translationKey()) : Formats.date(a.getDeadline());
    }

    private void loadTasks() {
        task.setItems(year.getValue() == null ? List.of() : tasks.tasksOf(year.getValue(), ""));
    }

    private void refresh() {
        if (year.getValue() == null) {
            grid.setItems(List.of());
            return;
        }
        int y = year.getValue();
        Long taskId = task.getValue() == null ? null : task.getValue().getId();
        String query = search.getValue();
        // counted once per filter: the grid asks for its size again on every scroll
        long total = service.count(y, taskId, query);
        grid.setItems(q -> service.list(y, taskId, query, q.getOffset(), q.getLimit()).stream(), q -> (int) total);
        count.setText(getTranslation("common.count", total));
        // "none assigned yet" only when nothing narrows the list; otherwise say the filter found nothing
        grid.setEmptyStateText(
                getTranslation(taskId == null && query.isBlank() ? "assignment.none" : "assignment.noMatch"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
