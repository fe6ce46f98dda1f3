package vn.gov.moha.portal.task;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.SearchFields;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserService;

/** The priority tasks of a programme year, searchable with or without diacritics. */
@Route("tasks")
@Menu(order = 2, icon = "vaadin:tasks", title = "nav.tasks")
@PermitAll
class TasksView extends VerticalLayout implements HasDynamicTitle {

    private final TaskService tasks;
    final Grid<PriorityTask> grid = new Grid<>();
    final TextField search = new TextField();
    final Select<Integer> year = new Select<>();
    private final Span count = new Span();
    private final Paragraph provenance = new Paragraph();
    private final boolean english;

    TasksView(TaskService tasks, UnitService units, UserService users, CurrentUser currentUser) {
        this.tasks = tasks;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        boolean admin = currentUser.require().has(Role.ADMIN);
        addClassName("page");
        setSizeFull();

        year.setAriaLabel(getTranslation("task.year"));
        List<ProgrammeYear> years = tasks.years();
        year.setItems(years.stream().map(ProgrammeYear::getYear).toList());
        year.setItemLabelGenerator(y -> getTranslation("task.year.label", String.valueOf(y)));
        TaskService.current(years).ifPresent(y -> year.setValue(y.getYear()));
        year.addValueChangeListener(e -> refresh());

        SearchFields.setUp(search, getTranslation("task.search.placeholder"), this::refresh);

        HorizontalLayout toolbar = new HorizontalLayout(year, search);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (admin) {
            Button add = new Button(
                    getTranslation("task.add"),
                    VaadinIcon.PLUS.create(),
                    e -> new TaskDialog(tasks, units, users, null, year.getValue(), english, this::refresh).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button newYear = new Button(
                    getTranslation("task.openYear"),
                    VaadinIcon.CALENDAR.create(),
                    e -> new NewYearDialog(
                                    tasks,
                                    units,
                                    opened -> UI.getCurrent().getPage().reload())
                            .open());
            Button importYear = new Button(
                    getTranslation("task.import"),
                    VaadinIcon.UPLOAD.create(),
                    e -> UI.getCurrent().navigate(TaskImportView.class));
            toolbar.add(add, newYear, importYear);
        }

        grid.addColumn(PriorityTask::getNumber)
                .setHeader(getTranslation("task.number"))
                .setWidth("4.5em")
                .setFlexGrow(0);
        grid.addComponentColumn(this::titleCell)
                .setHeader(getTranslation("task.title"))
                .setFlexGrow(4);
        var lead = grid.addColumn(this::leadUnit)
                .setHeader(getTranslation("task.leadUnit"))
                .setFlexGrow(2);
        var leader = grid.addColumn(this::leaderName)
                .setHeader(getTranslation("task.leader"))
                .setFlexGrow(1);
        Responsive.onNarrow(grid, narrow -> {
            lead.setVisible(!narrow);
            leader.setVisible(!narrow);
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        TaskDetailView.class,
                        new RouteParameters(
                                TaskDetailView.ID, String.valueOf(e.getItem().getId()))));
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("task.empty"));

        count.addClassName("count");
        toolbar.add(count);
        provenance.addClassName("provenance");
        add(toolbar, provenance, grid);
        refresh();
    }

    /** The title, and on phones a second line with the lead department and leader (their columns are hidden). */
    private Div titleCell(PriorityTask task) {
        Span title = new Span(task.title(english));
        Span more = new Span(leadUnit(task) + " · " + leaderName(task));
        more.addClassName("narrow-only");
        Div cell = new Div(title, more);
        cell.addClassName("cell-stack");
        return cell;
    }

    /** The lead unit, marked when the portal's team proposed it (no decision says so). */
    private String leadUnit(PriorityTask task) {
        return TaskDetailView.leadUnit(this, task, english);
    }

    private String leaderName(PriorityTask task) {
        return task.getLeader() == null
                ? getTranslation("task.leader.none")
                : task.getLeader().getFullName();
    }

    private void refresh() {
        var items = year.getValue() == null
                ? java.util.List.<PriorityTask>of()
                : tasks.tasksOf(year.getValue(), search.getValue());
        grid.setItems(items);
        // where the ten 2024 tasks come from, so nobody takes the list for the ministry's decision
        provenance.setText(getTranslation("task.provenance"));
        provenance.setVisible(items.stream().anyMatch(PriorityTask::isLeadUnitProposed));
        count.setText(getTranslation("common.count", items.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tasks");
    }
}
