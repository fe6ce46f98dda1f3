package vn.gov.moha.portal.task;

import java.util.List;

/** A programme year's workbook refused as a whole: nothing was saved; the preview names every problem. */
public class TaskImportException extends RuntimeException {

    private final transient TaskImportPreview preview;

    TaskImportException(TaskImportPreview preview) {
        super(preview.problems().size() + " problems in the programme year's workbook");
        this.preview = preview;
    }

    public TaskImportPreview preview() {
        return preview;
    }

    public List<TaskImportPreview.Problem> problems() {
        return preview.problems();
    }
}
