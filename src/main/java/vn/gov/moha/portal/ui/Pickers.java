package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.List;
import vn.gov.moha.portal.common.Formats;

/** Date pickers that show and accept dd/MM/yyyy, with month and day names in the user's language. */
public final class Pickers {

    private Pickers() {
    }

    public static DatePicker date(String labelKey) {
        DatePicker picker = new DatePicker();
        picker.setLabel(picker.getTranslation(labelKey));
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats(Formats.DATE_PATTERN, "d/M/yyyy", "ddMMyyyy");
        i18n.setMonthNames(List.of(picker.getTranslation("date.months").split(",")));
        i18n.setWeekdays(List.of(picker.getTranslation("date.weekdays").split(",")));
        i18n.setWeekdaysShort(List.of(picker.getTranslation("date.weekdaysShort").split(",")));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("action.cancel"));
        i18n.setBadInputErrorMessage(picker.getTranslation("error.date"));
        picker.setI18n(i18n);
        picker.setPlaceholder("dd/mm/yyyy");
        return picker;
    }
}
