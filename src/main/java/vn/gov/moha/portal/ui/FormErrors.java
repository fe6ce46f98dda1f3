package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.gov.moha.portal.common.InvalidInputException;

/**
 * Shows a service's {@link InvalidInputException} next to the fields it names, in the user's
 * language. The service holds the rules; a form only names its fields.
 */
public final class FormErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FormErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** A problem that belongs to no field; a stale version offers to reload the page with fresh data. */
    private static void notify(String message, boolean offerReload) {
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(offerReload ? 0 : 5000);
        Span text = new Span(message);
        HorizontalLayout content = new HorizontalLayout(text);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        if (offerReload) {
            Button reload = new Button(
                    UI.getCurrent().getTranslation("action.reload"),
                    e -> UI.getCurrent().getPage().reload());
            reload.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            content.add(reload);
        }
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(UI.getCurrent().getTranslation("action.close"));
        content.add(close);
        n.add(content);
        n.open();
    }

    /** The problem's message in the user's language, with its values (such as the longest length allowed). */
    public static String message(InvalidInputException.Problem p) {
        return UI.getCurrent().getTranslation(p.messageKey(), p.args().toArray());
    }

    /** Marks each named field; a problem with no field on the form is shown as a notification. */
    public void show(InvalidInputException e) {
        clear();
        Component first = null;
        for (InvalidInputException.Problem p : e.problems()) {
            HasValidation field = fields.get(p.field());
            String message = message(p);
            if (field == null) {
                notify(message, "version".equals(p.field()));
                continue;
            }
            if (!field.isInvalid()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            if (first == null && field instanceof Component c) {
                first = c;
            }
        }
        if (first instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
