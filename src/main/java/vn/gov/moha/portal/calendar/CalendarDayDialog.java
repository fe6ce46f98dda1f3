package vn.gov.moha.portal.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;

/** Adds, changes or deletes one listed day; the service checks every rule, the form shows what it says. */
class CalendarDayDialog extends Dialog {

    final DatePicker date = Pickers.date("calendar.date");
    final Select<DayKind> kind = new Select<>();
    final TextField name = new TextField();
    final TextField note = new TextField();
    final Button save = new Button();
    final Button delete = new Button();

    CalendarDayDialog(CalendarService service, CalendarDay day, LocalDate suggested, Runnable onChanged) {
        setHeaderTitle(getTranslation(day == null ? "calendar.add" : "calendar.edit"));
        kind.setLabel(getTranslation("calendar.kind"));
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.translationKey()));
        kind.setHelperText(getTranslation("calendar.kind.help"));
        name.setLabel(getTranslation("calendar.name"));
        TextLimit.apply(name, CalendarFile.MAX_NAME);
        note.setLabel(getTranslation("calendar.note"));
        TextLimit.apply(note, CalendarFile.MAX_NOTE);
        date.addValueChangeListener(
                e -> date.setHelperText(e.getValue() == null ? null : CalendarView.weekday(this, e.getValue())));
        if (day != null) {
            date.setValue(day.getDate());
            kind.setValue(day.getKind());
            name.setValue(day.getName());
            note.setValue(day.getNote() == null ? "" : day.getNote());
        } else {
            date.setValue(suggested);
            kind.setValue(DayKind.HOLIDAY);
        }

        FormLayout form = new FormLayout(date, kind, name, note);
        form.setColspan(name, 2);
        form.setColspan(note, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form);

        FormErrors errors = new FormErrors()
                .field("date", date)
                .field("kind", kind)
                .field("name", name)
                .field("note", note);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                service.save(new DayDraft(
                        day == null ? null : day.getId(),
                        day == null ? 0 : day.getVersion(),
                        date.getValue(),
                        kind.getValue(),
                        name.getValue(),
                        note.getValue()));
                Notifications.success(getTranslation("common.saved"));
                close();
                onChanged.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (day != null) {
            delete.setText(getTranslation("calendar.delete"));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClickListener(e -> {
                try {
                    service.delete(day.getId(), day.getVersion());
                    Notifications.success(getTranslation("calendar.deleted"));
                    close();
                    onChanged.run();
                } catch (InvalidInputException ex) {
                    errors.show(ex);
                }
            });
            getFooter().add(delete);
            delete.getStyle().set("margin-inline-end", "auto");
        }
        getFooter().add(cancel, save);
        setWidth("min(640px, 100vw)");
    }
}
