package vn.gov.moha.portal.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;

/** Creates or edits an account: name, e-mail, unit, roles, enabled; a password for a new account. */
class UserDialog extends Dialog {

    final TextField username = new TextField();
    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final ComboBox<OrgUnit> unit = new ComboBox<>();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox enabled = new Checkbox();
    final PasswordField password = new PasswordField();
    final Button save = new Button();

    UserDialog(UserService users, UnitService units, AppUser user, boolean english, Runnable onSaved) {
        boolean isNew = user == null;
        setHeaderTitle(getTranslation(isNew ? "user.add" : "user.edit"));
        username.setLabel(getTranslation("user.username"));
        username.setHelperText(getTranslation("user.username.help"));
        fullName.setLabel(getTranslation("user.fullName"));
        email.setLabel(getTranslation("user.email"));
        // the browser's own e-mail check would speak English; the service's message is shown instead
        email.setErrorMessage(getTranslation("error.email"));
        unit.setLabel(getTranslation("user.unit"));
        unit.setItems(units.validOn(LocalDate.now()));
        unit.setItemLabelGenerator(u -> u.name(english));
        unit.setClearButtonVisible(true);
        unit.setHelperText(getTranslation("user.unit.help"));
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        enabled.setLabel(getTranslation("user.enabled"));
        password.setLabel(getTranslation("user.password"));
        password.setHelperText(getTranslation("user.password.help", UserService.MIN_PASSWORD));

        if (isNew) {
            enabled.setValue(true);
        } else {
            username.setValue(user.getUsername());
            username.setReadOnly(true);
            fullName.setValue(user.getFullName());
            email.setValue(user.getEmail());
            unit.setValue(user.getUnit());
            roles.setValue(user.getRoles());
            enabled.setValue(user.isEnabled());
            password.setVisible(false);
        }

        FormLayout form = new FormLayout(username, fullName, email, unit, password, roles, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.setColspan(roles, 2);
        add(form);

        FormErrors errors = new FormErrors()
                .field("username", username)
                .field("fullName", fullName)
                .field("email", email)
                .field("unit", unit)
                .field("roles", roles)
                .field("password", password);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                users.save(new UserDraft(
                        isNew ? null : user.getId(),
                        username.getValue(),
                        fullName.getValue(),
                        email.getValue(),
                        unit.getValue() == null ? null : unit.getValue().getId(),
                        roles.getValue(),
                        enabled.getValue(),
                        password.getValue()));
                Notifications.success(getTranslation("common.saved"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(640px, 100vw)");
    }
}
