package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocState;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.reporting.MyWorkExports;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/** "Việc cần xử lý": everything waiting for the user, each with a button to the screen to act on it. */
@Route("my-work")
@Menu(order = 1.5, icon = "vaadin:inbox", title = "nav.myWork")
@PermitAll
class MyWorkView extends VerticalLayout implements HasDynamicTitle {

    final Div items = new Div();
    final ExportButton export;

    MyWorkView(MyWorkService service, WorkingDays workingDays, MyWorkExports exports) {
        LocalDate today = LocalDate.now();
        boolean english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        items.addClassName("task-cards");
        items.setId("mywork-items");
        java.util.Locale locale = getLocale();
        export = new ExportButton(
                getTranslation("export.xlsx"),
                VaadinIcon.FILE_TABLE.create(),
                () -> progress -> exports.myWork(locale, progress));
        add(export);
        MyWorkService.Work all = service.all(); // the export reads the same list: same items, same order
        if (all.isEmpty()) {
            add(new Paragraph(getTranslation("mywork.empty")));
        }
        for (MyWorkService.Item item : all.items()) {
            Assignment a = item.assignment();
            Span kind = new Span(getTranslation("mywork." + item.kind().name()));
            kind.addClassName("eyebrow");
            Span title = new Span(a.getTask().getNumber() + ". " + a.getTask().title(english));
            title.addClassName("task-title");
            Span lead = new Span(a.getLeadUnit().name(english)
                    + (a.getDeadline() == null
                            ? ""
                            : " · "
                                    + DeadlineHint.withDate(
                                            Formats.date(a.getDeadline()),
                                            DeadlineHint.of(this, workingDays, a, today, false))));
            lead.addClassName("task-lead");
            Button open = new Button(getTranslation("mywork.open"), e -> open(item));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            // stable ids (for the load test): mywork-write-report-<assignment>, mywork-approve-report-<report>, ...
            open.setId("mywork-" + item.kind().name().toLowerCase().replace('_', '-') + "-"
                    + (item.reportId() != null
                            ? item.reportId()
                            : item.extensionId() != null ? item.extensionId() : a.getId()));
            Div card = new Div(kind, title, lead, open);
            card.addClassName("card");
            card.addClassName("work-item");
            items.add(card);
        }
        all.adhoc().forEach(w -> items.add(adhocCard(w, today)));
        add(items);
    }

    /** An ad hoc answer to write, correct, send or accept: its request, unit and due date; opens the request. */
    private Div adhocCard(AdhocViews.Work w, LocalDate today) {
        AdhocAnswer a = w.answer();
        AdhocRequest r = a.getRequest();
        boolean english = Translations.supported(getLocale()) == Translations.ENGLISH;
        Span kind = new Span(getTranslation("mywork." + w.kind().name()));
        kind.addClassName("eyebrow");
        Span title = new Span(r.getTitle());
        title.addClassName("task-title");
        String due = getTranslation("adhoc.due") + " " + Formats.date(r.getDueDate())
                + (a.state(today) == AdhocState.OVERDUE
                        ? " · " + getTranslation(AdhocState.OVERDUE.translationKey())
                        : "");
        Span unit = new Span(a.getUnit().name(english) + " · " + due);
        unit.addClassName("task-lead");
        QueryParameters query = w.kind() == AdhocViews.WorkKind.ADHOC_ACCEPT
                ? QueryParameters.of("answer", String.valueOf(a.getId()))
                : QueryParameters.empty();
        Button open =
                new Button(getTranslation("mywork.open"), e -> UI.getCurrent().navigate("adhoc/" + r.getId(), query));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        open.setId("mywork-" + w.kind().name().toLowerCase().replace('_', '-') + "-" + a.getId());
        Div card = new Div(kind, title, unit, open);
        card.addClassName("card");
        card.addClassName("work-item");
        return card;
    }

    private void open(MyWorkService.Item item) {
        if (item.reportId() != null) {
            UI.getCurrent()
                    .navigate(
                            ReportView.class, new RouteParameters(ReportView.REPORT, String.valueOf(item.reportId())));
        } else if (item.kind() == MyWorkService.Kind.WRITE_REPORT) {
            UI.getCurrent()
                    .navigate(
                            ReportView.class,
                            new RouteParameters(
                                    ReportView.ASSIGNMENT,
                                    String.valueOf(item.assignment().getId())));
        } else {
            UI.getCurrent()
                    .navigate(
                            AssignmentView.class,
                            new RouteParameters(
                                    AssignmentView.ID,
                                    String.valueOf(item.assignment().getId())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myWork");
    }
}
