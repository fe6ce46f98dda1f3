package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.UploadTexts;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;

/**
 * A file for an ad hoc answer goes through the service in the upload's own request, as evidence files do: a
 * refused file is answered 422 (the upload marks it failed) and its reason shown; a kept one redraws the page.
 */
final class AdhocUpload implements UploadHandler {

    private final UI ui;
    private final AdhocService service;
    private final Long answerId;
    private final Runnable onKept;
    private final Paragraph error;

    AdhocUpload(AdhocService service, Long answerId, Runnable onKept, Paragraph error) {
        this.error = error;
        this.ui = UI.getCurrent();
        this.service = service;
        this.answerId = answerId;
        this.onKept = onKept;
    }

    Upload upload() {
        Upload upload = new Upload(this);
        UploadTexts.apply(upload);
        upload.setMaxFileSize((int) FileStore.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(FileTypes.BY_EXTENSION.keySet().stream()
                .sorted()
                .map(e -> "." + e)
                .toArray(String[]::new));
        upload.addFileRejectedListener(e ->
                error.setText(upload.getTranslation("report.evidence.refused", e.getFileName(), e.getErrorMessage())));
        return upload;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        try {
            service.addFile(answerId, event.getFileName(), event.getInputStream());
            ui.access(onKept::run);
        } catch (InvalidInputException ex) {
            event.getResponse().setStatus(422);
            ui.access(() -> error.setText(ui.getTranslation(
                    "report.evidence.refused",
                    event.getFileName(),
                    FormErrors.message(ex.problems().get(0)))));
        }
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        if (!success) {
            response.setStatus(500); // else the status set above stays: 200, or 422 for a refused file
        }
    }
}
