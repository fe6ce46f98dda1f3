package vn.gov.moha.portal.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserService;

/** One priority task: titles in both languages, description, lead department and leader in charge. */
@Route("tasks/:taskId(\\d{1,18})")
@PermitAll
class TaskDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "taskId";

    private final TaskService tasks;
    private final UnitService units;
    private final UserService users;
    private final boolean admin;
    private final boolean english;
    private String title = "";

    TaskDetailView(TaskService tasks, UnitService units, UserService users, CurrentUser currentUser) {
        this.tasks = tasks;
        this.units = units;
        this.users = users;
        this.admin = currentUser.require().has(Role.ADMIN);
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("task-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong(ID).orElse(null);
        tasks.find(id).ifPresentOrElse(this::show, () -> {
            removeAll();
            title = getTranslation("task.notFound");
            add(new H2(title), back());
        });
    }

    /** The lead unit, marked "(đề xuất)" when the portal's team proposed it. */
    static String leadUnit(Component c, PriorityTask task, boolean english) {
        String name = task.getLeadUnit().name(english);
        return task.isLeadUnitProposed() ? name + " " + c.getTranslation("task.leadUnit.proposed") : name;
    }

    private void show(PriorityTask task) {
        removeAll();
        title = getTranslation("task.heading", task.getNumber(), String.valueOf(task.getYear()));
        Span number = new Span(getTranslation("task.heading", task.getNumber(), String.valueOf(task.getYear())));
        number.addClassName("eyebrow");
        H2 heading = new H2(task.title(english));
        Paragraph other = new Paragraph(task.title(!english));
        other.addClassName("secondary-title");
        other.getElement().setAttribute("lang", english ? "vi" : "en");

        Div facts = new Div(
                new Fact(getTranslation("task.leadUnit"), leadUnit(this, task, english)),
                new Fact(
                        getTranslation("task.leader"),
                        task.getLeader() == null
                                ? getTranslation("task.leader.none")
                                : task.getLeader().getFullName()),
                new Fact(getTranslation("task.year"), String.valueOf(task.getYear())));
        if (task.getDeadline() != null) {
            facts.add(new Fact(getTranslation("task.deadline"), task.getDeadline()));
        }
        facts.addClassName("facts");

        Div description = new Div();
        description.addClassName("description");
        description.add(new Span(getTranslation("task.description")));
        description.add(new Paragraph(
                task.getDescription() == null ? getTranslation("task.description.none") : task.getDescription()));
        if (task.isLeadUnitProposed()) {
            Paragraph provenance = new Paragraph(getTranslation("task.provenance"));
            provenance.addClassName("provenance");
            description.add(provenance);
        }

        HorizontalLayout actions = new HorizontalLayout(back());
        if (admin) {
            Button edit = new Button(
                    getTranslation("task.edit"),
                    VaadinIcon.EDIT.create(),
                    e -> new TaskDialog(
                                    tasks,
                                    units,
                                    users,
                                    task,
                                    task.getYear(),
                                    english,
                                    () -> tasks.find(task.getId()).ifPresent(this::show))
                            .open());
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        add(number, heading, other, facts, description, actions);
    }

    private Button back() {
        Button back = new Button(
                getTranslation("task.back"),
                VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(TasksView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
