package vn.gov.moha.portal.notification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.layout.TopBarItem;

/**
 * The bell in the top bar: the number of unread notifications, and on a click the latest ones, newest
 * first; a click on one opens its screen and marks it read. Links to all notifications and to the
 * e-mail settings.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotificationBell extends Composite<Div> implements TopBarItem {

    static final int LATEST = 8;

    private final NotificationService service;
    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();
    final Popover popover = new Popover();
    final Div list = new Div();
    final Button markAll = new Button();

    public NotificationBell(NotificationService service) {
        this.service = service;
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClassName("bell");
        badge.addClassName("bell-count");
        badge.getElement().getThemeList().add("badge pill small error primary");
        Div root = getContent();
        root.addClassName("notification-bell");
        root.add(bell, badge);

        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addClassName("notification-popover");
        popover.setAriaLabel(getTranslation("notification.title"));
        list.addClassName("notification-list");
        markAll.setText(getTranslation("notification.markAll"));
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        markAll.addClickListener(e -> {
            service.markAllRead();
            refresh();
            fill();
        });
        Button all = new Button(getTranslation("notification.all"), e -> go("notifications"));
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button settings = new Button(
                getTranslation("notification.settings"), VaadinIcon.COG.create(), e -> go("notifications/settings"));
        settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Span title = new Span(getTranslation("notification.title"));
        title.addClassName("notification-popover-title");
        Div head = new Div(title, markAll);
        head.addClassName("notification-popover-head");
        Div foot = new Div(all, settings);
        foot.addClassName("notification-popover-foot");
        popover.add(head, list, foot);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                fill();
            }
        });
        refresh();
    }

    @Override
    public Component component() {
        return this;
    }

    /** Recounts the unread notifications (the layout calls it at each navigation). */
    @Override
    public void refresh() {
        long unread = service.unreadCount();
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("notification.bell", unread));
        bell.setTooltipText(getTranslation("notification.bell", unread));
    }

    /** Opens the list (as a click on the bell does). */
    public void open() {
        popover.open();
        fill();
    }

    private void fill() {
        list.removeAll();
        List<NotificationItem> latest = service.page(0, LATEST);
        if (latest.isEmpty()) {
            Span empty = new Span(getTranslation("notification.empty"));
            empty.addClassName("notification-empty");
            list.add(empty);
        }
        for (NotificationItem item : latest) {
            list.add(row(item));
        }
        markAll.setEnabled(latest.stream().anyMatch(i -> !i.read()));
    }

    private Div row(NotificationItem item) {
        Span text = new Span(getTranslation(item.messageKey(), item.paramArray()));
        text.addClassName("notification-text");
        Span when = new Span(getTranslation(item.kind().translationKey()) + " · " + Formats.dateTime(item.createdAt()));
        when.addClassName("notification-when");
        Div row = new Div(text, when);
        row.addClassName("notification-item");
        row.addClassName(item.read() ? "read" : "unread");
        row.getElement().setAttribute("role", "button");
        row.getElement().setAttribute("tabindex", "0");
        row.addClickListener(e -> openItem(item));
        return row;
    }

    void openItem(NotificationItem item) {
        String target = service.open(item.id()).orElse(null);
        popover.close();
        refresh();
        if (target != null && !target.isBlank()) {
            UI.getCurrent().navigate(target);
        }
    }

    private void go(String route) {
        popover.close();
        UI.getCurrent().navigate(route);
    }
}
