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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/** A manager assigns one task to one or many lead units at once, with coordinating units and indicators. */
class AssignDialog extends Dialog {

    final ComboBox<PriorityTask> task = new ComboBox<>();
    final MultiSelectComboBox<OrgUnit> leadUnits = new MultiSelectComboBox<>();
    final Button allProvinces = new Button();
    final MultiSelectComboBox<OrgUnit> coordinators = new MultiSelectComboBox<>();
    final Checkbox ongoing = new Checkbox();
    final DatePicker deadline = Pickers.date("assignment.deadline");
    final Select<ReportingPeriod> period = new Select<>();
    final TextArea expectedOutput = new TextArea();
    final IndicatorEditor indicators = new IndicatorEditor();
    final ComboBox<AppUser> leader = new ComboBox<>();
    final TextArea instructions = new TextArea();
    final DocumentFields document = new DocumentFields();
    final Button save = new Button();
    private List<OrgUnit> skipped = List.of();

    AssignDialog(
            AssignmentService service,
            TaskService tasks,
            UnitService units,
            UserService users,
            int year,
            boolean english,
            Runnable onSaved) {
        setHeaderTitle(getTranslation("assignment.new"));
        List<OrgUnit> valid = units.validOn(LocalDate.now()).stream()
                .filter(u -> u.getKind() != UnitKind.MINISTRY)
                .toList();
        task.setLabel(getTranslation("assignment.task"));
        task.setItems(
                tasks.tasksOf(year, "").stream().filter(service::canAssign).toList());
        task.setItemLabelGenerator(t -> t.getNumber() + ". " + t.title(english));
        leadUnits.setLabel(getTranslation("assignment.leadUnits"));
        leadUnits.setHelperText(getTranslation("assignment.leadUnits.help"));
        leadUnits.setItems(valid);
        leadUnits.setItemLabelGenerator(u -> u.name(english));
        allProvinces.setText(getTranslation("assignment.allProvinces"));
        allProvinces.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allProvinces.addClickListener(e -> chooseAllProvinces(service, valid, english));
        coordinators.setLabel(getTranslation("assignment.coordinators"));
        coordinators.setItems(valid);
        coordinators.setItemLabelGenerator(u -> u.name(english));
        ongoing.setLabel(getTranslation("assignment.ongoing"));
        period.setLabel(getTranslation("assignment.period"));
        period.setItems(ReportingPeriod.values());
        period.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.translationKey()));
        period.setVisible(false);
        ongoing.addValueChangeListener(e -> {
            period.setVisible(e.getValue());
            deadline.setVisible(!e.getValue());
        });
        expectedOutput.setLabel(getTranslation("assignment.expectedOutput"));
        TextLimit.apply(expectedOutput, AssignmentService.MAX_EXPECTED_OUTPUT);
        leader.setLabel(getTranslation("assignment.leader"));
        leader.setItems(users.leaders());
        leader.setItemLabelGenerator(AppUser::getFullName);
        leader.setClearButtonVisible(true);
        task.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().getLeader() != null) {
                leader.setValue(e.getValue().getLeader());
            }
        });
        instructions.setLabel(getTranslation("assignment.instructions"));
        TextLimit.apply(instructions, AssignmentService.MAX_INSTRUCTIONS);
        indicators.addRow();
        document.issuer.setValue(getTranslation("document.defaultIssuer"));
        H3 documentHeading = new H3(getTranslation("document.section"));
        documentHeading.addClassName("form-section");

        FormLayout form = new FormLayout(
                task,
                leadUnits,
                allProvinces,
                coordinators,
                ongoing,
                deadline,
                period,
                expectedOutput,
                indicators,
                leader,
                instructions,
                documentHeading,
                document);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        for (Component c : List.<Component>of(
                task, leadUnits, coordinators, expectedOutput, indicators, instructions, documentHeading, document)) {
            form.setColspan(c, 2);
        }
        add(form);

        FormErrors errors = document.register(new FormErrors())
                .field("task", task)
                .field("leadUnits", leadUnits)
                .field("coordinators", coordinators)
                .field("deadline", deadline)
                .field("period", period)
                .field("expectedOutput", expectedOutput)
                .field("indicators", indicators)
                .field("leader", leader)
                .field("instructions", instructions);
        save.setText(getTranslation("assignment.new"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                int created = document.send(doc -> service.assign(new AssignDraft(
                        task.getValue() == null ? null : task.getValue().getId(),
                        ids(leadUnits.getValue()),
                        ids(coordinators.getValue()),
                        ongoing.getValue(),
                        deadline.getValue(),
                        period.getValue(),
                        expectedOutput.getValue(),
                        indicators.getValue(),
                        leader.getValue() == null ? null : leader.getValue().getId(),
                        instructions.getValue(),
                        doc)));
                List<OrgUnit> stillSkipped = skipped.stream()
                        .filter(u -> !leadUnits.getValue().contains(u))
                        .toList();
                Notifications.success(getTranslation("assignment.assigned", created)
                        + (stillSkipped.isEmpty()
                                ? ""
                                : ". "
                                        + getTranslation(
                                                "assignment.allProvinces.skipped",
                                                stillSkipped.size(),
                                                names(stillSkipped, english))));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } finally {
                save.setEnabled(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(760px, 100vw)");
    }

    /**
     * Every province valid today except those that already lead this task, named under the field: the
     * service refuses a second assignment of a task to one unit, and a manager should not have to hunt
     * for them behind the field's overflow chip.
     */
    private void chooseAllProvinces(AssignmentService service, List<OrgUnit> valid, boolean english) {
        Set<Long> holders = task.getValue() == null ? Set.of() : service.leadUnitsOf(task.getValue());
        List<OrgUnit> provinces =
                valid.stream().filter(u -> u.getKind() == UnitKind.PROVINCE).toList();
        skipped = provinces.stream().filter(u -> holders.contains(u.getId())).toList();
        leadUnits.setValue(
                provinces.stream().filter(u -> !holders.contains(u.getId())).collect(Collectors.toSet()));
        leadUnits.setHelperText(
                skipped.isEmpty()
                        ? getTranslation("assignment.leadUnits.help")
                        : getTranslation("assignment.allProvinces.skipped", skipped.size(), names(skipped, english)));
    }

    private static String names(List<OrgUnit> units, boolean english) {
        return units.stream().map(u -> u.name(english)).collect(Collectors.joining("; "));
    }

    static Set<Long> ids(Set<OrgUnit> units) {
        return units.stream().map(OrgUnit::getId).collect(Collectors.toSet());
    }
}
