package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentEdit;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/** A manager edits or reassigns an assignment, with a reason kept in the history. */
class EditAssignmentDialog extends Dialog {

    final ComboBox<OrgUnit> leadUnit = new ComboBox<>();
    final MultiSelectComboBox<OrgUnit> coordinators = new MultiSelectComboBox<>();
    final Checkbox ongoing = new Checkbox();
    final DatePicker deadline = Pickers.date("assignment.deadline");
    final Select<ReportingPeriod> period = new Select<>();
    final TextArea expectedOutput = new TextArea();
    final ComboBox<AppUser> leader = new ComboBox<>();
    final TextArea instructions = new TextArea();
    final TextArea reason = new TextArea();
    final Button save = new Button();

    EditAssignmentDialog(
            AssignmentService service,
            UnitService units,
            UserService users,
            Assignment a,
            boolean english,
            Runnable onSaved) {
        setHeaderTitle(getTranslation("assignment.edit"));
        List<OrgUnit> valid = units.validOn(LocalDate.now()).stream()
                .filter(u -> u.getKind() != UnitKind.MINISTRY)
                .toList();
        leadUnit.setLabel(getTranslation("assignment.leadUnit"));
        leadUnit.setItems(valid);
        leadUnit.setItemLabelGenerator(u -> u.name(english));
        leadUnit.setValue(a.getLeadUnit());
        coordinators.setLabel(getTranslation("assignment.coordinators"));
        coordinators.setItems(valid);
        coordinators.setItemLabelGenerator(u -> u.name(english));
        coordinators.setValue(a.getCoordinators());
        ongoing.setLabel(getTranslation("assignment.ongoing"));
        ongoing.setValue(a.isOngoing());
        period.setLabel(getTranslation("assignment.period"));
        period.setItems(ReportingPeriod.values());
        period.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.translationKey()));
        period.setValue(a.getReportingPeriod());
        deadline.setValue(a.getDeadline());
        period.setVisible(a.isOngoing());
        deadline.setVisible(!a.isOngoing());
        ongoing.addValueChangeListener(e -> {
            period.setVisible(e.getValue());
            deadline.setVisible(!e.getValue());
        });
        expectedOutput.setLabel(getTranslation("assignment.expectedOutput"));
        expectedOutput.setValue(a.getExpectedOutput());
        leader.setLabel(getTranslation("assignment.leader"));
        leader.setItems(users.leaders());
        leader.setItemLabelGenerator(AppUser::getFullName);
        leader.setValue(a.getLeader());
        instructions.setLabel(getTranslation("assignment.instructions"));
        instructions.setValue(a.getInstructions() == null ? "" : a.getInstructions());
        reason.setLabel(getTranslation("assignment.reason"));
        TextLimit.apply(expectedOutput, AssignmentService.MAX_EXPECTED_OUTPUT);
        TextLimit.apply(instructions, AssignmentService.MAX_INSTRUCTIONS);
        TextLimit.apply(reason, AssignmentService.MAX_REASON);

        FormLayout form = new FormLayout(
                leadUnit, coordinators, ongoing, deadline, period, expectedOutput, leader, instructions, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        for (Component c : List.<Component>of(coordinators, expectedOutput, instructions, reason)) {
            form.setColspan(c, 2);
        }
        add(form);
        FormErrors errors = new FormErrors()
                .field("leadUnit", leadUnit)
                .field("coordinators", coordinators)
                .field("deadline", deadline)
                .field("period", period)
                .field("expectedOutput", expectedOutput)
                .field("leader", leader)
                .field("instructions", instructions)
                .field("reason", reason);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                service.edit(new AssignmentEdit(
                        a.getId(),
                        a.getVersion(),
                        leadUnit.getValue() == null ? null : leadUnit.getValue().getId(),
                        AssignDialog.ids(coordinators.getValue()),
                        ongoing.getValue(),
                        deadline.getValue(),
                        period.getValue(),
                        expectedOutput.getValue(),
                        leader.getValue() == null ? null : leader.getValue().getId(),
                        instructions.getValue(),
                        reason.getValue()));
                Notifications.success(getTranslation("common.saved"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(760px, 100vw)");
    }
}
