package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import vn.gov.moha.portal.common.TextRules;

/**
 * A text field's length limit, told instead of enforced by the browser. The browser's maxlength
 * cuts pasted text silently (100,000 characters pasted into a report became 8,000, and "saved"), so
 * the field takes everything, counts under itself as the person types ("1.234/8.000 ký tự") and
 * says when the text is too long; the service refuses to save it (error.tooLong), and
 * {@link FormErrors} shows that refusal next to the field. Counted as the service counts
 * ({@link TextRules#length}).
 */
public final class TextLimit {

    private TextLimit() {}

    public static void apply(TextFieldBase<?, String> field, int max) {
        field.setManualValidation(true); // only this counter and the service's answer mark the field
        field.setValueChangeMode(ValueChangeMode.LAZY);
        show(field, max);
        field.addValueChangeListener(e -> show(field, max));
    }

    private static void show(TextFieldBase<?, String> field, int max) {
        int length = TextRules.length(field.getValue());
        field.setHelperText(field.getTranslation("text.count", length, max));
        boolean tooLong = length > max;
        field.setErrorMessage(tooLong ? field.getTranslation("error.tooLong", max) : null);
        field.setInvalid(tooLong);
    }
}
