package vn.gov.moha.portal.unit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;

/** Adds or edits one unit; the service checks every rule and the form shows what it says. */
class UnitDialog extends Dialog {

    final TextField code = new TextField();
    final TextField nameVi = new TextField();
    final TextField nameEn = new TextField();
    final Select<UnitKind> kind = new Select<>();
    final ComboBox<OrgUnit> parent = new ComboBox<>();
    final ComboBox<OrgUnit> successor = new ComboBox<>();
    final DatePicker validFrom = Pickers.date("unit.validFrom");
    final DatePicker validTo = Pickers.date("unit.validTo");

    UnitDialog(UnitService service, OrgUnit unit, boolean english, Runnable onSaved) {
        setHeaderTitle(getTranslation(unit == null ? "unit.add" : "unit.edit"));
        code.setLabel(getTranslation("unit.code"));
        code.setHelperText(getTranslation("unit.code.help"));
        nameVi.setLabel(getTranslation("unit.nameVi"));
        nameEn.setLabel(getTranslation("unit.nameEn"));
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        var all = service.all();
        parent.setLabel(getTranslation("unit.parent"));
        successor.setLabel(getTranslation("unit.successor"));
        for (ComboBox<OrgUnit> box : java.util.List.of(parent, successor)) {
            box.setItems(all);
            box.setItemLabelGenerator(u -> u.name(english));
            box.setClearButtonVisible(true);
        }
        successor.setHelperText(getTranslation("unit.successor.help"));

        if (unit != null) {
            code.setValue(unit.getCode());
            nameVi.setValue(unit.getNameVi());
            nameEn.setValue(unit.getNameEn() == null ? "" : unit.getNameEn());
            kind.setValue(unit.getKind());
            parent.setValue(unit.getParent());
            successor.setValue(unit.getSuccessor());
            validFrom.setValue(unit.getValidFrom());
            validTo.setValue(unit.getValidTo());
        } else {
            validFrom.setValue(java.time.LocalDate.now());
        }

        FormLayout form = new FormLayout(code, kind, nameVi, nameEn, parent, successor, validFrom, validTo);
        form.setColspan(nameVi, 2);
        form.setColspan(nameEn, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form);

        FormErrors errors = new FormErrors()
                .field("code", code)
                .field("nameVi", nameVi)
                .field("nameEn", nameEn)
                .field("kind", kind)
                .field("parent", parent)
                .field("successor", successor)
                .field("validFrom", validFrom)
                .field("validTo", validTo);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                service.save(new UnitDraft(
                        unit == null ? null : unit.getId(),
                        code.getValue(),
                        nameVi.getValue(),
                        nameEn.getValue(),
                        kind.getValue(),
                        idOf(parent.getValue()),
                        idOf(successor.getValue()),
                        validFrom.getValue(),
                        validTo.getValue()));
                Notifications.success(getTranslation("common.saved"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
        if (unit != null) {
            Button transfer = new Button(getTranslation("unit.transfer.this"), e -> {
                close();
                getUI().ifPresent(ui -> ui.navigate(
                        "units/transfer",
                        QueryParameters.of("unit", unit.getId().toString())));
            });
            transfer.setId("unit-transfer");
            getFooter().add(transfer);
        }
        getFooter().add(save);
        setWidth("min(640px, 100vw)");
    }

    private static Long idOf(OrgUnit unit) {
        return unit == null ? null : unit.getId();
    }
}
