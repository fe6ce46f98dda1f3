package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.extension.ExtensionService;

/**
 * The lead unit asks for a later deadline, with a reason and, if it has one, the document it rests on, up to the
 * deadline day itself; once the deadline has passed the form says so next to the date at once, and sending is off
 * (the service refuses as well).
 */
class ExtensionDialog extends Dialog {

    final DatePicker deadline = Pickers.date("extension.newDeadline");
    final TextArea reason = new TextArea();
    final DocumentFields document = new DocumentFields();

    ExtensionDialog(ExtensionService service, Assignment assignment, Runnable onDone) {
        setHeaderTitle(getTranslation("extension.request"));
        deadline.setMin(
                assignment.getDeadline() == null
                        ? null
                        : assignment.getDeadline().plusDays(1));
        reason.setLabel(getTranslation("extension.reason"));
        TextLimit.apply(reason, ExtensionService.MAX_REASON);
        H3 cited = new H3(getTranslation("document.cited"));
        cited.addClassName("form-section");
        Paragraph help = new Paragraph(getTranslation("document.cited.help"));
        help.addClassName("hint");
        FormLayout form = new FormLayout(deadline, reason, cited, help, document);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        FormErrors errors =
                document.register(new FormErrors()).field("deadline", deadline).field("reason", reason);
        Button send = new Button(getTranslation("extension.request"), e -> {
            try {
                document.send(
                        doc -> service.requestCiting(assignment.getId(), deadline.getValue(), reason.getValue(), doc));
                Notifications.success(getTranslation("extension.requested"));
                close();
                onDone.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (ExtensionService.pastDeadline(assignment, LocalDate.now())) {
            deadline.setInvalid(true);
            deadline.setErrorMessage(
                    getTranslation("extension.error.pastDeadline", Formats.date(assignment.getDeadline())));
            send.setEnabled(false);
        }
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), send);
        setWidth("min(640px, 100vw)");
    }
}
