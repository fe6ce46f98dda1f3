package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled value on a detail card: a small caps label above the value. */
public class Fact extends Div {

    public Fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value);
        v.addClassName("fact-value");
        add(l, v);
        addClassName("fact");
    }
}
