package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
import vn.gov.moha.portal.common.InvalidInputException;

/**
 * An upload whose files go through a service in the upload's own request (the 20 MB and type checks happen
 * there, on the file itself). A refused file is answered 422, so the upload marks it failed, and its reason
 * is shown in the given paragraph; a kept one runs {@code onKept}. Both happen in the browser's
 * {@code upload-success} / {@code upload-error} round trip, which the browser sends only once the upload's
 * request has been answered: the page shows the outcome at once, without server push and without racing it.
 */
public final class CheckedUpload implements UploadHandler {

    /** Keeps one uploaded file, or refuses it with the reason. */
    @FunctionalInterface
    public interface Keeper {
        void keep(String fileName, InputStream content) throws IOException;
    }

    /** The event data that names the file whose upload ended. */
    public static final String FILE_NAME = "event.detail.file.name";

    private final Keeper keeper;
    /** Each file's outcome, from the upload's request until the browser's round trip shows it. */
    private final Map<String, Optional<InvalidInputException>> outcomes = new ConcurrentHashMap<>();

    private CheckedUpload(Keeper keeper) {
        this.keeper = keeper;
    }

    /** The upload; the browser refuses a file too big or of another type before sending it, with its reason. */
    public static Upload create(Keeper keeper, Runnable onKept, Paragraph error) {
        CheckedUpload handler = new CheckedUpload(keeper);
        Upload upload = new Upload(handler);
        UploadTexts.apply(upload);
        upload.setMaxFileSize((int) FileStore.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(FileTypes.BY_EXTENSION.keySet().stream()
                .sorted()
                .map(e -> "." + e)
                .toArray(String[]::new));
        upload.addFileRejectedListener(e ->
                error.setText(upload.getTranslation("report.evidence.refused", e.getFileName(), e.getErrorMessage())));
        // the browser ends each file's upload with one of these two events, whose round trip shows the outcome
        for (String end : List.of("upload-success", "upload-error")) {
            upload.getElement()
                    .addEventListener(
                            end,
                            e -> handler.show(e.getEventData().get(FILE_NAME).asString(), onKept, error))
                    .addEventData(FILE_NAME);
        }
        return upload;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        try {
            keeper.keep(event.getFileName(), event.getInputStream());
            outcomes.put(event.getFileName(), Optional.empty());
        } catch (InvalidInputException ex) {
            outcomes.put(event.getFileName(), Optional.of(ex));
            event.getResponse().setStatus(422);
        }
    }

    private void show(String fileName, Runnable onKept, Paragraph error) {
        Optional<InvalidInputException> outcome = outcomes.remove(fileName);
        if (outcome == null) {
            return; // failed before the service saw it (the connection, the server): the upload says so itself
        }
        outcome.ifPresentOrElse(
                why -> error.setText(error.getTranslation(
                        "report.evidence.refused",
                        fileName,
                        FormErrors.message(why.problems().get(0)))),
                () -> {
                    error.setText("");
                    onKept.run();
                });
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        if (!success) {
            response.setStatus(500); // else the status set above stays: 200, or 422 for a refused file
        }
    }
}
