package vn.gov.moha.portal.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;

/**
 * "Mã truy cập API" on the profile page: create a personal access token (shown once, with a copy button), list
 * one's tokens with their last use, revoke one.
 */
class TokenSection extends Div {

    final TextField name = new TextField();
    final DatePicker expiresOn = Pickers.date("token.expiresOn");
    final RadioButtonGroup<ApiToken.Scope> scope = new RadioButtonGroup<>();
    final Button create = new Button();
    final Div created = new Div();
    final TokenGrid grid;

    private final ApiTokenService tokens;
    private final FormErrors errors;

    TokenSection(ApiTokenService tokens) {
        this.tokens = tokens;
        this.grid = new TokenGrid(tokens, false);
        addClassName("card");
        addClassName("token-section");
        setId("tokens");
        LocalDate today = LocalDate.now();
        name.setLabel(getTranslation("token.name"));
        name.setHelperText(getTranslation("token.name.help"));
        name.setId("token-name");
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setMax(today.plusYears(1));
        expiresOn.setValue(today.plusDays(90));
        expiresOn.setHelperText(getTranslation("token.expiresOn.help"));
        expiresOn.setId("token-expires");
        scope.setLabel(getTranslation("token.scope"));
        scope.setItems(ApiToken.Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        scope.setValue(ApiToken.Scope.READ);
        scope.setId("token-scope");
        create.setText(getTranslation("token.create"));
        create.setIcon(VaadinIcon.KEY.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("token-create");
        create.addClickListener(e -> create());
        errors = new FormErrors()
                .field("name", name)
                .field("expiresOn", expiresOn)
                .field("scope", scope);
        FlexLayout form = new FlexLayout(name, expiresOn, scope);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.addClassName("token-form");
        created.addClassName("token-created");
        created.setVisible(false);

        add(
                new H2(getTranslation("token.title")),
                new Paragraph(getTranslation("token.intro")),
                form,
                create,
                created,
                grid);
        refresh();
    }

    private void create() {
        errors.clear();
        try {
            ApiTokenService.Created made = tokens.create(name.getValue(), expiresOn.getValue(), scope.getValue());
            showOnce(made);
            name.clear();
            refresh();
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    /** The secret, this once: a read-only field to select, and a copy button. */
    private void showOnce(ApiTokenService.Created made) {
        TextField secret = new TextField(getTranslation("token.secret"));
        secret.setValue(made.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("token-secret");
        Button copy = new Button(getTranslation("token.copy"), VaadinIcon.COPY.create());
        copy.setId("token-copy");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", made.secret());
            Notifications.success(getTranslation("token.copied"));
        });
        Paragraph warning =
                new Paragraph(getTranslation("token.showOnce", made.token().getName()));
        warning.addClassName("token-warning");
        Div row = new Div(secret, copy);
        row.addClassName("token-secret-row");
        created.removeAll();
        created.add(warning, row);
        created.setVisible(true);
    }

    void refresh() {
        grid.refresh();
    }
}
