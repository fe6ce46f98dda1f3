package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * An address the portal does not have, or a screen the person may not open (Vaadin answers both alike, not to
 * reveal which screens exist): said in the person's language, with the way home, instead of Vaadin's English
 * "Could not navigate to ...".
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("page");
        addClassName("error-view");
        add(
                new H2(getTranslation("error.page.title")),
                new Paragraph(getTranslation(
                        "error.page.text", "/" + event.getLocation().getPath())),
                new Anchor("", getTranslation("error.unexpected.home")));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
