package vn.gov.moha.portal.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.Map;
import vn.gov.moha.portal.ui.Notifications;

/** "Cài đặt thông báo": which kinds of notification also come by e-mail; in the portal all appear. */
@Route("notifications/settings")
@PermitAll
class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Map<NotificationKind, Checkbox> boxes = new EnumMap<>(NotificationKind.class);
    final Button save = new Button();

    NotificationSettingsView(NotificationService service) {
        addClassName("page");
        String address = service.emailAddress();
        add(new Paragraph(getTranslation("notification.settings.intro")));
        add(new Paragraph(
                address == null || address.isBlank()
                        ? getTranslation("notification.settings.noAddress")
                        : getTranslation("notification.settings.address", address)));
        Div list = new Div();
        list.addClassName("card");
        list.addClassName("notification-settings");
        service.emailChoices().forEach((kind, on) -> {
            Checkbox box = new Checkbox(getTranslation(kind.translationKey()), on);
            box.setHelperText(getTranslation("notification.help." + kind.name()));
            boxes.put(kind, box);
            list.add(box);
        });
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
            boxes.forEach((kind, box) -> choices.put(kind, box.getValue()));
            service.saveEmailChoices(choices);
            Notifications.success(getTranslation("notification.settings.saved"));
        });
        add(list, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.settings");
    }
}
