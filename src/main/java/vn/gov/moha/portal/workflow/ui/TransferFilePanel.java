package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.CheckedUpload;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.workflow.transfer.FilePreview;
import vn.gov.moha.portal.workflow.transfer.TransferFileService;
import vn.gov.moha.portal.workflow.transfer.TransferPreview;
import vn.gov.moha.portal.workflow.transfer.TransferResult;

/**
 * The transfer of many units from a CSV or XLSX file: the shipped 1/7/2025 merger file and an empty template to
 * download, the upload, then a preview row per unit or the errors of every line (nothing applied while there is
 * one). Ids: transfer-merger-file, transfer-template, transfer-file, transfer-file-errors, transfer-file-rows,
 * transfer-file-confirm, transfer-file-result.
 */
class TransferFilePanel extends VerticalLayout {

    static final String MERGER = "sap-nhap-tinh-2025-07-01.csv";
    static final String TEMPLATE = "mau-chuyen-giao-don-vi.csv";

    final Anchor mergerFile = download(MERGER, "transfer.file.merger");
    final Anchor template = download(TEMPLATE, "transfer.file.template");
    final Upload upload;
    final Grid<FilePreview.RowError> errorGrid = new Grid<>();
    final Grid<TransferPreview> rows = new Grid<>();
    final Button confirm = new Button();
    final Paragraph result = new Paragraph();

    private final TransferFileService service;
    private final boolean english;
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private volatile @Nullable String uploadedName;
    private volatile byte @Nullable [] uploaded;
    private @Nullable String fileName;
    private byte @Nullable [] content;
    private @Nullable FilePreview shown;

    TransferFilePanel(TransferFileService service, boolean english) {
        this.service = service;
        this.english = english;
        addClassName("card");
        mergerFile.setId("transfer-merger-file");
        template.setId("transfer-template");
        Div links = new Div(mergerFile, template);
        links.addClassName("transfer-links");

        // the file is read in the upload's request and shown in the browser's round trip that ends it (no push)
        Paragraph uploadError = new Paragraph();
        uploadError.addClassName("upload-error");
        upload = CheckedUpload.create(
                (name, in) -> {
                    uploadedName = name;
                    uploaded = in.readNBytes(MAX_BYTES + 1);
                },
                () -> read(uploadedName, uploaded),
                uploadError);
        upload.setId("transfer-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx");

        errorGrid.setId("transfer-file-errors");
        errorGrid
                .addColumn(e -> e.line() == 0 ? "" : String.valueOf(e.line()))
                .setKey("line")
                .setHeader(getTranslation("transfer.file.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        errorGrid
                .addColumn(FilePreview.RowError::column)
                .setKey("column")
                .setHeader(getTranslation("transfer.file.column"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        errorGrid
                .addColumn(e -> getTranslation(e.messageKey(), e.args().toArray()))
                .setKey("reason")
                .setHeader(getTranslation("transfer.file.reason"))
                .setFlexGrow(1);
        rows.setId("transfer-file-rows");
        rows.addComponentColumn(this::unitCell)
                .setHeader(getTranslation("transfer.unit"))
                .setFlexGrow(2);
        var ends = rows.addColumn(p -> Formats.date(p.endDate()))
                .setHeader(getTranslation("transfer.endDate"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var successor = rows.addColumn(this::successor)
                .setHeader(getTranslation("transfer.successor"))
                .setFlexGrow(2);
        // on a phone the unit's cell also says when it ends and who takes over (no sideways scrolling)
        Responsive.onNarrow(rows, narrow -> java.util.List.of(ends, successor).forEach(c -> c.setVisible(!narrow)));
        rows.addColumn(p -> getTranslation(
                        "transfer.file.counts",
                        p.openAssignments(),
                        p.merged(),
                        p.openReports(),
                        p.owedReports(),
                        p.pendingExtensions(),
                        p.coordinatingRoles(),
                        p.users()))
                .setHeader(getTranslation("transfer.file.what"))
                .setFlexGrow(3);
        for (Grid<?> g : java.util.List.of(errorGrid, rows)) {
            g.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            g.setAllRowsVisible(true);
            g.setVisible(false);
        }
        confirm.setId("transfer-file-confirm");
        confirm.setText(getTranslation("transfer.file.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> confirm());
        result.setId("transfer-file-result");
        result.addClassName("transfer-result");

        add(
                new H3(getTranslation("transfer.many")),
                new Paragraph(getTranslation("transfer.file.intro")),
                links,
                upload,
                uploadError,
                errorGrid,
                rows,
                confirm,
                result);
    }

    void read(@Nullable String name, byte @Nullable [] bytes) {
        fileName = name;
        content = bytes;
        result.setText("");
        FilePreview p = service.preview(name, bytes);
        shown = p;
        errorGrid.setItems(p.errors());
        errorGrid.setVisible(!p.errors().isEmpty());
        rows.setItems(p.rows());
        rows.setVisible(!p.rows().isEmpty());
        confirm.setEnabled(p.valid());
        if (!p.errors().isEmpty()) {
            result.setText(
                    getTranslation("transfer.file.nothingApplied", p.errors().size()));
        }
    }

    private void confirm() {
        FilePreview p = shown;
        if (p == null || content == null) {
            return;
        }
        try {
            TransferResult r = service.confirm(fileName, content, p.versions());
            result.setText(UnitTransferView.resultText(this, r));
            Notifications.success(getTranslation("transfer.done.short"));
        } catch (InvalidInputException ex) {
            result.setText(FormErrors.message(ex.problems().get(0)));
        }
        confirm.setEnabled(false);
        shown = null;
    }

    private Anchor download(String file, String labelKey) {
        Anchor a = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        InputStream in = TransferFilePanel.class.getResourceAsStream("/transfer/" + file);
                        if (in == null) {
                            return DownloadResponse.error(404);
                        }
                        byte[] bytes = in.readAllBytes();
                        return new DownloadResponse(
                                new java.io.ByteArrayInputStream(bytes), file, "text/csv;charset=UTF-8", bytes.length);
                    } catch (IOException e) {
                        return DownloadResponse.error(500);
                    }
                }),
                getTranslation(labelKey));
        a.getElement().setAttribute("download", file);
        return a;
    }

    private Div unitCell(TransferPreview p) {
        Span more = new Span(getTranslation("transfer.endDate") + ": " + Formats.date(p.endDate()) + " · "
                + getTranslation("transfer.successor") + ": " + successor(p));
        more.addClassName("narrow-only");
        Div cell = new Div(new Span(p.unit().getCode() + " – " + p.unit().name(english)), more);
        cell.addClassName("cell-stack");
        return cell;
    }

    private String successor(TransferPreview p) {
        return p.successor().getCode() + " – " + p.successor().name(english);
    }
}
