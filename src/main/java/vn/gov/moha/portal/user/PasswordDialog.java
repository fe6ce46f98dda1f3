package vn.gov.moha.portal.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;

/** ADMIN sets a new password for an account, for example when its owner forgot it. */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField();

    PasswordDialog(UserService users, AppUser user) {
        setHeaderTitle(getTranslation("user.resetPassword"));
        password.setLabel(getTranslation("user.newPassword"));
        password.setHelperText(getTranslation("user.password.help", UserService.MIN_PASSWORD));
        password.setWidthFull();
        add(new Paragraph(getTranslation("user.resetPassword.for", user.getFullName(), user.getUsername())), password);
        FormErrors errors = new FormErrors().field("password", password);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                users.resetPassword(user.getId(), password.getValue());
                Notifications.success(getTranslation("user.passwordReset", user.getUsername()));
                close();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(440px, 100vw)");
    }
}
