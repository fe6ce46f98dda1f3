package vn.gov.moha.portal.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;

/**
 * ADMIN opens a new programme year, empty or starting from a copy of an earlier year's list. A copied lead
 * unit that no longer exists in the new year is pointed out, with its successor offered in its place.
 */
class NewYearDialog extends Dialog {

    final IntegerField year = new IntegerField();
    final Select<Integer> copyFrom = new Select<>();
    final Div ended = new Div();
    /** Ended unit's id to the field that picks its replacement. */
    final Map<Long, ComboBox<OrgUnit>> replacements = new HashMap<>();

    private final TaskService tasks;
    private final UnitService units;
    private final boolean english;

    NewYearDialog(TaskService tasks, UnitService units, Consumer<ProgrammeYear> onOpened) {
        this.tasks = tasks;
        this.units = units;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        setHeaderTitle(getTranslation("task.openYear"));
        var existing = tasks.years().stream().map(ProgrammeYear::getYear).toList();
        year.setLabel(getTranslation("task.year"));
        year.setValue(existing.isEmpty() ? java.time.Year.now().getValue() : existing.get(0) + 1);
        copyFrom.setLabel(getTranslation("task.copyFrom"));
        copyFrom.setItems(existing);
        copyFrom.setEmptySelectionAllowed(true);
        copyFrom.setEmptySelectionCaption(getTranslation("task.copyFrom.none"));
        copyFrom.setItemLabelGenerator(y -> y == null ? getTranslation("task.copyFrom.none") : String.valueOf(y));
        year.addValueChangeListener(e -> showEnded());
        copyFrom.addValueChangeListener(e -> showEnded());
        ended.addClassName("copy-ended");
        add(new FormLayout(year, copyFrom), ended);
        FormErrors errors = new FormErrors().field("year", year).field("copyFrom", copyFrom);
        Button open = new Button(getTranslation("task.openYear.confirm"), e -> {
            try {
                Map<Long, Long> chosen = replacements.entrySet().stream()
                        .filter(r -> r.getValue().getValue() != null)
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, r -> r.getValue().getValue().getId()));
                ProgrammeYear opened = tasks.openYear(year.getValue(), copyFrom.getValue(), chosen);
                Notifications.success(getTranslation("task.openYear.done", String.valueOf(opened.getYear())));
                close();
                onOpened.accept(opened);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), open);
        setWidth("min(640px, 100vw)");
    }

    /** The copied list's lead units that ended before the new year's end, each with a field for its replacement. */
    private void showEnded() {
        ended.removeAll();
        replacements.clear();
        List<TaskService.EndedLead> list = tasks.endedLeadUnits(year.getValue(), copyFrom.getValue());
        if (list.isEmpty()) {
            return;
        }
        ended.add(new Paragraph(getTranslation("task.copy.ended", String.valueOf(year.getValue()))));
        List<OrgUnit> valid = units.validOn(LeadUnits.lastDay(year.getValue())).stream()
                .filter(LeadUnits::mayLead)
                .toList();
        for (TaskService.EndedLead e : list) {
            ComboBox<OrgUnit> pick = new ComboBox<>();
            pick.setWidthFull();
            pick.setItems(valid);
            pick.setItemLabelGenerator(u -> u.name(english));
            pick.setLabel(getTranslation(
                    "task.copy.endedUnit",
                    e.unit().name(english),
                    e.unit().getValidTo() == null ? "" : Formats.date(e.unit().getValidTo()),
                    e.tasks().stream().map(String::valueOf).collect(Collectors.joining(", "))));
            if (e.successor() != null) {
                pick.setValue(e.successor());
                pick.setHelperText(
                        getTranslation("task.copy.successor", e.successor().name(english)));
            } else {
                pick.setHelperText(getTranslation("task.copy.noSuccessor"));
            }
            replacements.put(e.unit().getId(), pick);
            ended.add(pick);
        }
    }
}
