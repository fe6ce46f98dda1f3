package vn.gov.moha.portal.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;

import com.vaadin.flow.component.upload.Upload;
import elemental.json.Json;
import elemental.json.JsonObject;

/** A file uploaded as the browser does it, for Karibu tests of a {@link CheckedUpload}. */
public final class TestUploads {

    private TestUploads() {}

    /**
     * The file's own request, then the event the browser sends once it is answered (Karibu sends only the
     * first): the page then shows the file kept, or why it was refused.
     */
    public static void upload(Upload upload, String fileName, String mimeType, byte[] content) {
        _upload(upload, fileName, mimeType, content);
        JsonObject ended = Json.createObject();
        ended.put(CheckedUpload.FILE_NAME, fileName);
        ended.put("element.files", Json.createArray()); // what the Upload itself reads from this event
        _fireDomEvent(upload, "upload-success", ended);
    }
}
