package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box of every list: a magnifier, a clear button, and a refresh shortly after typing stops. */
public final class SearchFields {

    private SearchFields() {}

    public static void setUp(TextField search, String placeholder, Runnable onChange) {
        search.setPlaceholder(placeholder);
        search.setAriaLabel(placeholder);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> onChange.run());
        search.addClassName("grow");
    }
}
