package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import vn.gov.moha.portal.common.Formats;

/**
 * Fields with texts in the user's language: date pickers that show and accept dd/MM/yyyy, and
 * number fields whose own messages (not a number, out of range) are Vietnamese or English.
 */
public final class Pickers {

    private Pickers() {}

    public static DatePicker date(String labelKey) {
        DatePicker picker = new DatePicker();
        picker.setLabel(picker.getTranslation(labelKey));
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats(Formats.DATE_PATTERN, "d/M/yyyy", "ddMMyyyy");
        i18n.setMonthNames(List.of(picker.getTranslation("date.months").split(",")));
        i18n.setWeekdays(List.of(picker.getTranslation("date.weekdays").split(",")));
        i18n.setWeekdaysShort(
                List.of(picker.getTranslation("date.weekdaysShort").split(",")));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("action.cancel"));
        i18n.setBadInputErrorMessage(picker.getTranslation("error.date"));
        picker.setI18n(i18n);
        picker.setPlaceholder("dd/mm/yyyy");
        return picker;
    }

    /** A decimal field (1.234,5 in Vietnamese) that says so when what was typed is not a number. */
    public static BigDecimalField decimal(String label) {
        BigDecimalField field = new BigDecimalField(label);
        field.setI18n(new BigDecimalField.BigDecimalFieldI18n()
                .setBadInputErrorMessage(field.getTranslation("error.number")));
        return field;
    }

    /** A whole-number field between min and max, with its messages in the user's language. */
    public static IntegerField integer(String labelKey, int min, int max) {
        IntegerField field = new IntegerField();
        field.setLabel(field.getTranslation(labelKey));
        field.setMin(min);
        field.setMax(max);
        String range = field.getTranslation("error.range", min, max);
        field.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(field.getTranslation("error.number"))
                .setMinErrorMessage(range)
                .setMaxErrorMessage(range));
        return field;
    }
}
