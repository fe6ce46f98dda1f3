package vn.gov.moha.portal.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;

/**
 * The first screen after login: a greeting by role. Leaders and managers see the ten tasks of the
 * year; a unit's staff see their unit; an administrator sees where to start.
 */
@Route("")
@Menu(order = 1, icon = "vaadin:home", title = "nav.home")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    private final boolean english;

    HomeView(CurrentUser currentUser, TaskService tasks, UnitService units, AssignmentService assignments) {
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        PortalUser user = currentUser.require();
        addClassName("page");
        addClassName("home");

        H2 greeting = new H2(getTranslation("home.greeting", user.fullName()));
        Paragraph intro = new Paragraph(getTranslation(introKey(user)));
        intro.addClassName("lead");
        add(greeting, intro);

        if (user.has(Role.LEADER) || user.has(Role.MANAGER)) {
            tasks.currentYear().ifPresent(year -> {
                add(new H3(getTranslation("home.tasksOfYear", String.valueOf(year.getYear()))));
                Div list = new Div();
                list.addClassName("task-cards");
                tasks.tasksOf(year.getYear(), "").forEach(t -> list.add(taskCard(t)));
                add(list);
            });
        }
        if (user.unitId() != null && (user.has(Role.UNIT_OFFICER) || user.has(Role.UNIT_HEAD))) {
            units.find(user.unitId()).ifPresent(this::showUnit);
            tasks.currentYear().ifPresent(year -> showAssignments(assignments, year.getYear()));
        }
        if (user.has(Role.ADMIN)) {
            Div links = new Div(
                    link("admin/users", "nav.users", "home.admin.users"),
                    link("units", "nav.units", "home.admin.units"),
                    link("tasks", "nav.tasks", "home.admin.tasks"));
            links.addClassName("task-cards");
            add(links);
        }
    }

    private static String introKey(PortalUser user) {
        for (Role role : new Role[] {Role.LEADER, Role.MANAGER, Role.UNIT_HEAD, Role.UNIT_OFFICER, Role.ADMIN}) {
            if (user.has(role)) {
                return "home.intro." + role.name();
            }
        }
        return "home.intro.none";
    }

    private Anchor taskCard(PriorityTask task) {
        Span number = new Span(String.valueOf(task.getNumber()));
        number.addClassName("task-number");
        Span title = new Span(task.title(english));
        title.addClassName("task-title");
        Span lead = new Span(task.getLeadUnit().name(english));
        lead.addClassName("task-lead");
        Anchor card = new Anchor("tasks/" + task.getId(), new Div(number, new Div(title, lead)));
        card.addClassName("card");
        card.addClassName("task-card");
        return card;
    }

    private Anchor link(String href, String titleKey, String textKey) {
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("task-title");
        Span text = new Span(getTranslation(textKey));
        text.addClassName("task-lead");
        Anchor card = new Anchor(href, new Div(new Div(title, text)));
        card.addClassName("card");
        return card;
    }

    private void showUnit(OrgUnit unit) {
        Div card = new Div();
        card.addClassName("card");
        card.addClassName("unit-card");
        card.add(new H3(unit.name(english)));
        card.add(new Fact(getTranslation("unit.code"), unit.getCode()));
        card.add(new Fact(
                getTranslation("unit.kind"), getTranslation(unit.getKind().translationKey())));
        card.add(new Fact(
                getTranslation("unit.validity"),
                Formats.date(unit.getValidFrom()) + " – " + Formats.date(unit.getValidTo())));
        if (unit.getSuccessor() != null) {
            card.add(new Fact(
                    getTranslation("unit.successor"), unit.getSuccessor().name(english)));
        }
        add(card);
    }

    /** The assignments the unit leads or coordinates this year, each opening its page. */
    private void showAssignments(AssignmentService assignments, int year) {
        List<Assignment> mine = assignments.list(year, null, "", 0, 50);
        add(new H3(getTranslation("home.unit.assignments", String.valueOf(year))));
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("home.unit.next"));
            none.addClassName("hint");
            add(none);
            return;
        }
        Div list = new Div();
        list.addClassName("task-cards");
        for (Assignment a : mine) {
            Span number = new Span(String.valueOf(a.getTask().getNumber()));
            number.addClassName("task-number");
            Span title = new Span(a.getTask().title(english));
            title.addClassName("task-title");
            Span when = new Span((a.isOngoing()
                            ? getTranslation(a.getReportingPeriod().translationKey())
                            : Formats.date(a.getDeadline()))
                    + " · " + a.getPercentComplete() + " % · "
                    + getTranslation(a.state(LocalDate.now()).translationKey()));
            when.addClassName("task-lead");
            Anchor card = new Anchor("assignments/" + a.getId(), new Div(number, new Div(title, when)));
            card.addClassName("card");
            card.addClassName("task-card");
            list.add(card);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
