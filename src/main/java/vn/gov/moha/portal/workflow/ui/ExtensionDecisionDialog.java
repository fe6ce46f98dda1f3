package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;

/** A leader grants or refuses an extension request; a refusal needs a comment. */
class ExtensionDecisionDialog extends Dialog {

    final TextArea comment = new TextArea();

    ExtensionDecisionDialog(ExtensionService service, ExtensionRequest request, Runnable onDone) {
        setHeaderTitle(getTranslation("extension.request"));
        add(new Paragraph(getTranslation(
                "extension.entry",
                Formats.date(request.getCurrentDeadline()),
                Formats.date(request.getRequestedDeadline()),
                request.getReason(),
                request.getRequestedBy().getFullName(),
                getTranslation("extension.status." + request.getStatus().name()))));
        comment.setLabel(getTranslation("extension.decisionComment"));
        comment.setHelperText(getTranslation("extension.decisionComment.hint"));
        comment.setWidthFull();
        TextLimit.apply(comment, ExtensionService.MAX_COMMENT);
        add(comment);
        FormErrors errors = new FormErrors().field("comment", comment);
        Button approve =
                new Button(getTranslation("extension.approve"), e -> decide(service, request, true, errors, onDone));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject =
                new Button(getTranslation("extension.reject"), e -> decide(service, request, false, errors, onDone));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), reject, approve);
        setWidth("min(520px, 100vw)");
    }

    private void decide(
            ExtensionService service, ExtensionRequest request, boolean approve, FormErrors errors, Runnable onDone) {
        try {
            service.decide(request.getId(), request.getVersion(), approve, comment.getValue());
            Notifications.success(getTranslation("extension.decided"));
            close();
            onDone.run();
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }
}
