package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;

/** A small editable list of indicators (name, unit of measure, target) for the assignment form. */
class IndicatorEditor extends CustomField<List<AssignDraft.IndicatorDraft>> implements HasValidation {

    private record Row(TextField name, TextField unit, BigDecimalField target, HorizontalLayout layout) {}

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();

    IndicatorEditor() {
        setLabel(getTranslation("assignment.indicators"));
        Button add = new Button(getTranslation("assignment.indicator.add"), VaadinIcon.PLUS.create(), e -> addRow());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        list.addClassName("indicator-list");
        add(list, add);
        setWidthFull();
    }

    void addRow() {
        TextField name = new TextField();
        name.setPlaceholder(getTranslation("assignment.indicator.name"));
        name.setAriaLabel(getTranslation("assignment.indicator.name"));
        name.addClassName("grow");
        TextField unit = new TextField();
        unit.setPlaceholder(getTranslation("assignment.indicator.unit"));
        unit.setAriaLabel(getTranslation("assignment.indicator.unit"));
        unit.setWidth("8em");
        BigDecimalField target = Pickers.decimal(null);
        target.setPlaceholder(getTranslation("assignment.indicator.target"));
        target.setAriaLabel(getTranslation("assignment.indicator.target"));
        target.setWidth("8em");
        HorizontalLayout layout = new HorizontalLayout(name, unit, target);
        Row row = new Row(name, unit, target, layout);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            rows.remove(row);
            list.remove(layout);
            updateValue();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel(getTranslation("assignment.indicator.remove"));
        layout.add(remove);
        layout.setWidthFull();
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        layout.addClassName("indicator-row");
        rows.add(row);
        list.add(layout);
    }

    /** Fills the last row; used by tests and by a manager's first row. */
    void set(int index, String name, String unit, java.math.BigDecimal target) {
        while (rows.size() <= index) {
            addRow();
        }
        rows.get(index).name().setValue(name);
        rows.get(index).unit().setValue(unit);
        rows.get(index).target().setValue(target);
        updateValue();
    }

    @Override
    protected List<AssignDraft.IndicatorDraft> generateModelValue() {
        return rows.stream()
                .filter(r ->
                        !r.name().isEmpty() || !r.unit().isEmpty() || r.target().getValue() != null)
                .map(r -> new AssignDraft.IndicatorDraft(
                        r.name().getValue(), r.unit().getValue(), r.target().getValue()))
                .toList();
    }

    @Override
    protected void setPresentationValue(List<AssignDraft.IndicatorDraft> value) {
        rows.clear();
        list.removeAll();
        if (value != null) {
            for (int i = 0; i < value.size(); i++) {
                set(
                        i,
                        value.get(i).name(),
                        value.get(i).unitOfMeasure(),
                        value.get(i).target());
            }
        }
    }
}
