package vn.gov.moha.portal.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;

/** ADMIN adds or edits a priority task; the service checks every rule, the form shows what it says. */
class TaskDialog extends Dialog {

    final IntegerField number = new IntegerField();
    final TextArea titleVi = new TextArea();
    final TextArea titleEn = new TextArea();
    final TextArea description = new TextArea();
    final ComboBox<OrgUnit> leadUnit = new ComboBox<>();
    final ComboBox<AppUser> leader = new ComboBox<>();
    final Button save = new Button();

    TaskDialog(
            TaskService tasks,
            UnitService units,
            UserService users,
            PriorityTask task,
            int year,
            boolean english,
            Runnable onSaved) {
        setHeaderTitle(getTranslation(task == null ? "task.add" : "task.edit") + " · " + year);
        number.setLabel(getTranslation("task.number"));
        number.setStepButtonsVisible(true);
        titleVi.setLabel(getTranslation("task.titleVi"));
        titleEn.setLabel(getTranslation("task.titleEn"));
        description.setLabel(getTranslation("task.description"));
        TextLimit.apply(titleVi, TaskService.MAX_TITLE);
        TextLimit.apply(titleEn, TaskService.MAX_TITLE);
        TextLimit.apply(description, TaskService.MAX_DESCRIPTION);
        description.setHeight("9em");
        leadUnit.setLabel(getTranslation("task.leadUnit"));
        leadUnit.setItems(units.validOn(LocalDate.now()).stream()
                .filter(u -> u.getKind() != UnitKind.PROVINCE)
                .toList());
        leadUnit.setItemLabelGenerator(u -> u.name(english));
        leader.setLabel(getTranslation("task.leader"));
        leader.setItems(users.leaders());
        leader.setItemLabelGenerator(AppUser::getFullName);
        leader.setClearButtonVisible(true);

        if (task != null) {
            number.setValue(task.getNumber());
            titleVi.setValue(task.getTitleVi());
            titleEn.setValue(task.getTitleEn());
            description.setValue(task.getDescription() == null ? "" : task.getDescription());
            leadUnit.setValue(task.getLeadUnit());
            leader.setValue(task.getLeader());
        }
        FormLayout form = new FormLayout(number, leadUnit, titleVi, titleEn, description, leader);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.setColspan(titleVi, 2);
        form.setColspan(titleEn, 2);
        form.setColspan(description, 2);
        add(form);

        FormErrors errors = new FormErrors()
                .field("number", number)
                .field("titleVi", titleVi)
                .field("titleEn", titleEn)
                .field("description", description)
                .field("leadUnit", leadUnit)
                .field("leader", leader);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                tasks.save(new TaskDraft(
                        task == null ? null : task.getId(),
                        year,
                        number.getValue(),
                        titleVi.getValue(),
                        titleEn.getValue(),
                        description.getValue(),
                        leadUnit.getValue() == null ? null : leadUnit.getValue().getId(),
                        leader.getValue() == null ? null : leader.getValue().getId()));
                Notifications.success(getTranslation("common.saved"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(720px, 100vw)");
    }
}
