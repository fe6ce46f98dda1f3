package vn.gov.moha.portal.audit;

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
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.ExportButton;

/** ADMIN: the whole event log, newest first, filtered by person or action, and a check of its hash chain. */
@Route("admin/audit")
@Menu(order = 10, icon = "vaadin:records", title = "nav.audit")
@RolesAllowed(Role.Names.ADMIN)
class AuditView extends VerticalLayout implements HasDynamicTitle {

    final Grid<EventLogEntry> grid = new Grid<>();
    final TextField actor = new TextField();
    final Select<String> action = new Select<>();
    final Button verify = new Button();
    final Span result = new Span();
    final ExportButton export;

    AuditView(EventLog log, AuditExports exports) {
        addClassName("page");
        setSizeFull();
        actor.setPlaceholder(getTranslation("event.who"));
        actor.setAriaLabel(getTranslation("event.who"));
        actor.setPrefixComponent(VaadinIcon.SEARCH.create());
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> refresh(log));
        action.setItems(EventLog.ACTIONS);
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.allActions"));
        action.setItemLabelGenerator(
                a -> a == null ? getTranslation("audit.allActions") : getTranslation("event." + a));
        action.setAriaLabel(getTranslation("event.what"));
        action.addValueChangeListener(e -> refresh(log));
        verify.setText(getTranslation("audit.verify"));
        verify.setIcon(VaadinIcon.SHIELD.create());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickListener(e -> {
            var broken = log.firstBrokenEntry();
            // the record number as in the grid's # column, not as a quantity ("12.345")
            result.setText(broken.map(id -> getTranslation("audit.broken", String.valueOf(id)))
                    .orElse(getTranslation("audit.intact")));
            result.getElement().getThemeList().clear();
            result.getElement().getThemeList().add(broken.isPresent() ? "badge error" : "badge success");
        });
        export = new ExportButton(getTranslation("export.xlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            String who = actor.getValue();
            String what = action.getValue();
            java.util.Locale locale = getLocale();
            return progress -> exports.events(who, what, locale, progress);
        });
        HorizontalLayout toolbar = new HorizontalLayout(actor, action, verify, result, export);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("toolbar");

        grid.addColumn(EventLogEntry::getId).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.dateTime(e.getOccurredAt()))
                .setHeader(getTranslation("event.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.getActor() + " (" + e.getActorRole() + ")")
                .setHeader(getTranslation("event.who"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("event." + e.getAction()))
                .setHeader(getTranslation("event.what"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditView::details)
                .setHeader(getTranslation("event.details"))
                .setFlexGrow(1)
                .setTooltipGenerator(AuditView::details);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        refresh(log);
    }

    private static String details(EventLogEntry e) {
        return (e.getBefore() == null ? "" : EventDetails.readable(e.getBefore()) + " → ")
                + (e.getAfter() == null ? "" : EventDetails.readable(e.getAfter()));
    }

    private void refresh(EventLog log) {
        String who = actor.getValue();
        String what = action.getValue();
        // counted once per filter: the grid asks for its size again on every scroll
        int total = (int) Math.min(Integer.MAX_VALUE, log.count(who, what));
        grid.setItems(q -> log.page(who, what, q.getOffset(), q.getLimit()).stream(), q -> total);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
