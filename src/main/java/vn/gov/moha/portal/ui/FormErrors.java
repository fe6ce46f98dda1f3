package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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

    /** Marks each named field; a problem with no field on the form is shown as a notification. */
    public void show(InvalidInputException e) {
        clear();
        Component first = null;
        for (InvalidInputException.Problem p : e.problems()) {
            HasValidation field = fields.get(p.field());
            String message = UI.getCurrent().getTranslation(p.messageKey());
            if (field == null) {
                Notification.show(message, 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
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
