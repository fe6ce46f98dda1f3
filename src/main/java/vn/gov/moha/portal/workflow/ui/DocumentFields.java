package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.ui.UploadTexts;

/**
 * An official document's fields on a form (số/ký hiệu, ngày ban hành, trích yếu, cơ quan ban hành, người ký) and
 * its PDF. The PDF is held in a temporary file from its upload until the form is sent (the service checks and keeps
 * it then, with the rest), and deleted when the form closes.
 */
class DocumentFields extends FormLayout {

    final TextField number = new TextField();
    final DatePicker issuedOn = Pickers.date("document.issuedOn");
    final TextArea summary = new TextArea();
    final TextField issuer = new TextField();
    final TextField signer = new TextField();
    final PdfField file = new PdfField();

    DocumentFields() {
        number.setLabel(getTranslation("document.number"));
        // the examples stay under the field (no length counter: a number is short, and the service says "too long")
        number.setHelperText(getTranslation("document.number.help"));
        issuedOn.setMax(LocalDate.now(Formats.VIETNAM));
        summary.setLabel(getTranslation("document.summary"));
        TextLimit.apply(summary, DocumentService.MAX_SUMMARY);
        issuer.setLabel(getTranslation("document.issuer"));
        signer.setLabel(getTranslation("document.signer"));
        add(number, issuedOn, summary, issuer, signer, file);
        setColspan(summary, 2);
        setColspan(file, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("440px", 2));
        addClassName("document-fields");
    }

    /** Names the fields for the service's messages. */
    FormErrors register(FormErrors errors) {
        return errors.field("docNumber", number)
                .field("docIssuedOn", issuedOn)
                .field("docSummary", summary)
                .field("docIssuer", issuer)
                .field("docSigner", signer)
                .field("docFile", file);
    }

    /** Calls the service with the document as typed; the held file is open only for the call. */
    <T> T send(Function<@Nullable DocumentDraft, T> action) {
        Path held = file.held;
        try (InputStream content = held == null ? null : Files.newInputStream(held)) {
            return action.apply(new DocumentDraft(
                    number.getValue(),
                    issuedOn.getValue(),
                    summary.getValue(),
                    issuer.getValue(),
                    signer.getValue(),
                    held == null ? null : file.getValue(),
                    content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signed PDF: an upload whose file waits in a temporary file; the field's value is the file's name. */
    static final class PdfField extends CustomField<String> implements UploadHandler {

        final Upload upload = new Upload(this);
        private final Span chosen = new Span();
        private volatile @Nullable Path held;
        private volatile @Nullable String heldName;
        private @Nullable UI ui;

        PdfField() {
            setLabel(getTranslation("document.file"));
            setHelperText(getTranslation("document.file.help"));
            UploadTexts.apply(upload);
            upload.setMaxFiles(1);
            upload.setMaxFileSize((int) FileStore.MAX_FILE_BYTES);
            upload.setAcceptedFileTypes(".pdf", "application/pdf");
            upload.addFileRemovedListener(e -> clearHeld());
            upload.addFileRejectedListener(e -> {
                setErrorMessage(e.getErrorMessage());
                setInvalid(true);
            });
            chosen.addClassName("document-file-chosen");
            VerticalLayout box = new VerticalLayout(upload, chosen);
            box.setPadding(false);
            box.setSpacing(false);
            add(box);
        }

        @Override
        protected void onAttach(AttachEvent event) {
            ui = event.getUI();
        }

        @Override
        protected void onDetach(DetachEvent event) {
            clearHeld();
        }

        /**
         * Copies the upload to a temporary file, at most 20 MB and one byte (enough for the service to say "over
         * 20 MB"), in the upload's own request; the service checks name, size and content when the form is sent.
         */
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            hold(event.getFileName(), event.getInputStream());
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            if (!success) {
                response.setStatus(500);
            }
        }

        /** Holds the file (the upload's request calls it; a screen test too). */
        void hold(String name, InputStream in) throws IOException {
            Path temp = Files.createTempFile("document-", ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                long left = FileStore.MAX_FILE_BYTES + 1;
                for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            Path old = held;
            held = temp;
            heldName = name;
            if (old != null) {
                Files.deleteIfExists(old);
            }
            UI target = ui;
            if (target == null || target.getSession().hasLock()) {
                showChosen(name);
            } else {
                target.access(() -> showChosen(name));
            }
        }

        private void showChosen(@Nullable String name) {
            chosen.setText(name == null ? "" : getTranslation("document.file.chosen", name));
            setInvalid(false);
            updateValue();
        }

        private void clearHeld() {
            Path old = held;
            held = null;
            heldName = null;
            if (old != null) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException ignored) {
                    // left for the system's temporary files
                }
            }
            showChosen(null);
        }

        @Override
        protected @Nullable String generateModelValue() {
            return heldName;
        }

        @Override
        protected void setPresentationValue(@Nullable String value) {
            // the value follows the upload only
        }
    }
}
