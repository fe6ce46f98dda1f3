package vn.gov.moha.portal.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.function.Consumer;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;

/** ADMIN opens a new programme year, empty or starting from a copy of an earlier year's list. */
class NewYearDialog extends Dialog {

    final IntegerField year = new IntegerField();
    final Select<Integer> copyFrom = new Select<>();

    NewYearDialog(TaskService tasks, Consumer<ProgrammeYear> onOpened) {
        setHeaderTitle(getTranslation("task.openYear"));
        var existing = tasks.years().stream().map(ProgrammeYear::getYear).toList();
        year.setLabel(getTranslation("task.year"));
        year.setValue(existing.isEmpty() ? java.time.Year.now().getValue() : existing.get(0) + 1);
        copyFrom.setLabel(getTranslation("task.copyFrom"));
        copyFrom.setItems(existing);
        copyFrom.setEmptySelectionAllowed(true);
        copyFrom.setEmptySelectionCaption(getTranslation("task.copyFrom.none"));
        copyFrom.setItemLabelGenerator(y -> y == null ? getTranslation("task.copyFrom.none") : String.valueOf(y));
        add(new FormLayout(year, copyFrom));
        FormErrors errors = new FormErrors().field("year", year).field("copyFrom", copyFrom);
        Button open = new Button(getTranslation("task.openYear.confirm"), e -> {
            try {
                ProgrammeYear opened = tasks.openYear(year.getValue(), copyFrom.getValue());
                Notifications.success(getTranslation("task.openYear.done", String.valueOf(opened.getYear())));
                close();
                onOpened.accept(opened);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), open);
        setWidth("min(480px, 100vw)");
    }
}
