package vn.gov.moha.portal.notification;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.ui.Responsive;

/** "Thông báo": all the user's notifications, newest first, page by page; a click opens the screen. */
@Route("notifications")
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<NotificationItem> grid = new Grid<>();
    final Button markAll = new Button();

    NotificationsView(NotificationService service) {
        addClassName("page");
        markAll.setText(getTranslation("notification.markAll"));
        markAll.addClickListener(e -> {
            service.markAllRead();
            grid.getDataProvider().refreshAll();
        });
        Button settings = new Button(
                getTranslation("notification.settings"),
                VaadinIcon.COG.create(),
                e -> UI.getCurrent().navigate("notifications/settings"));
        settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(markAll, settings);
        actions.addClassName("toolbar");

        var time = grid.addColumn(i -> Formats.dateTime(i.createdAt()))
                .setHeader(getTranslation("notification.col.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> {
                    Span text = new Span(getTranslation(i.messageKey(), i.paramArray()));
                    text.addClassName(i.read() ? "read" : "unread");
                    Span more = new Span(
                            getTranslation(i.kind().translationKey()) + " · " + Formats.dateTime(i.createdAt()));
                    more.addClassName("narrow-only");
                    Div cell = new Div(text, more);
                    cell.addClassName("cell-stack");
                    return cell;
                })
                .setHeader(getTranslation("notification.col.text"))
                .setFlexGrow(1);
        var kind = grid.addColumn(i -> getTranslation(i.kind().translationKey()))
                .setHeader(getTranslation("notification.col.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var status = grid.addColumn(i -> getTranslation(i.read() ? "notification.read" : "notification.unread"))
                .setHeader(getTranslation("notification.col.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.onNarrow(grid, narrow -> {
            time.setVisible(!narrow);
            kind.setVisible(!narrow);
            status.setVisible(!narrow);
        });
        grid.setPageSize(50);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(q -> service.page(q.getOffset(), q.getLimit()).stream(), q -> (int) service.count());
        grid.addItemClickListener(e -> service.open(e.getItem().id())
                .filter(t -> !t.isBlank())
                .ifPresent(t -> UI.getCurrent().navigate(t)));
        grid.setEmptyStateText(getTranslation("notification.empty"));
        add(actions, grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.title");
    }
}
