package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person sees when a screen fails unexpectedly, in every mode: an apology in their language
 * and a reference to quote. The exception, its class and its stack trace go to the server log under
 * that reference, never to the browser (Vaadin's own page would show the trace in development mode).
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        log.error(
                "Unexpected error, reference {}, opening '{}'",
                reference,
                event.getLocation().getPath(),
                parameter.getCaughtException());
        removeAll();
        addClassName("page");
        addClassName("error-view");
        add(
                new H2(getTranslation("error.unexpected.title")),
                new Paragraph(getTranslation("error.unexpected.text", reference)),
                new Anchor("", getTranslation("error.unexpected.home")));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
