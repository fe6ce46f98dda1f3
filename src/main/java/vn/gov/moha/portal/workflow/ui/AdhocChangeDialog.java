package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocChange;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Page;

/**
 * A manager changes a request after it was made: the due date, the units asked (added ones are asked and
 * notified; one that has sent its report cannot be removed, which the service says next to the field), and why.
 */
class AdhocChangeDialog extends Dialog {

    final DatePicker due = Pickers.date("adhoc.due");
    final MultiSelectComboBox<OrgUnit> units = new MultiSelectComboBox<>();
    final TextArea reason = new TextArea();
    final Button save = new Button();

    AdhocChangeDialog(AdhocService service, Page page, List<OrgUnit> valid, boolean english, Runnable onSaved) {
        setHeaderTitle(getTranslation("adhoc.change"));
        addClassName("adhoc-change-dialog");
        due.setHelperText(getTranslation("adhoc.due.help"));
        due.setMin(LocalDate.now());
        due.setValue(page.request().getDueDate());
        // the units that may be asked today, and those already asked (a unit merged since stays chosen)
        Set<OrgUnit> asked = page.answers().stream().map(AdhocAnswer::getUnit).collect(Collectors.toSet());
        Set<OrgUnit> items = new LinkedHashSet<>(asked);
        valid.stream().filter(u -> u.getKind() != UnitKind.MINISTRY).forEach(items::add);
        List<OrgUnit> sorted = new ArrayList<>(items);
        sorted.sort((x, y) -> x.getCode().compareTo(y.getCode()));
        units.setLabel(getTranslation("adhoc.units"));
        units.setHelperText(getTranslation("adhoc.change.units.help"));
        units.setItems(sorted);
        units.setItemLabelGenerator(u -> u.name(english));
        units.setValue(asked);
        reason.setLabel(getTranslation("adhoc.change.reason"));
        TextLimit.apply(reason, AdhocService.MAX_REASON);

        FormLayout form = new FormLayout(due, units, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        FormErrors errors =
                new FormErrors().field("due", due).field("units", units).field("reason", reason);
        save.setText(getTranslation("adhoc.change.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                service.change(new AdhocChange(
                        page.request().getId(),
                        page.request().getVersion(),
                        due.getValue(),
                        units.getValue().stream().map(OrgUnit::getId).collect(Collectors.toSet()),
                        reason.getValue()));
                Notifications.success(getTranslation("adhoc.changed"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } finally {
                save.setEnabled(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(640px, 100vw)");
    }
}
