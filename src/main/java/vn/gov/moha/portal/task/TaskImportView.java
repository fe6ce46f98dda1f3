package vn.gov.moha.portal.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.UploadTexts;

/**
 * ADMIN: a programme year's priority tasks from the ministry's own list. The workbook is checked and shown
 * first (every problem by line and column); the tasks are saved only on confirming a file without problems.
 */
@Route("tasks/import")
@RolesAllowed(Role.Names.ADMIN)
class TaskImportView extends VerticalLayout implements HasDynamicTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TaskImportService service;
    private final boolean english;
    final IntegerField year = new IntegerField();
    final Upload upload;
    final Paragraph summary = new Paragraph();
    final Grid<TaskImportPreview.Problem> problems = new Grid<>();
    final Grid<TaskImportPreview.Entry> rows = new Grid<>();
    final Button confirm = new Button();
    final RouterLink toList = new RouterLink();
    private byte @Nullable [] content;
    private volatile byte @Nullable [] uploaded;

    TaskImportView(TaskImportService service, TaskService tasks) {
        this.service = service;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("task-import");

        year.setLabel(getTranslation("task.year"));
        year.setStepButtonsVisible(true);
        List<ProgrammeYear> years = tasks.years();
        year.setValue(
                years.isEmpty() ? java.time.Year.now().getValue() : years.get(0).getYear() + 1);
        year.addValueChangeListener(e -> check());

        Anchor template = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] file = service.template(key -> getTranslation(key));
                    return new DownloadResponse(
                            new ByteArrayInputStream(file), "mau-danh-muc-nhiem-vu.xlsx", XLSX, file.length);
                }),
                "");
        template.add(new Button(getTranslation("task.import.template"), VaadinIcon.DOWNLOAD.create()));
        template.setDownload(true);
        HorizontalLayout toolbar = new HorizontalLayout(year, template);
        toolbar.addClassName("toolbar");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        // the file is kept in the upload's own request and checked in the browser's upload-success round trip,
        // which comes once that request is answered: the preview shows at once, without push (see CheckedUpload)
        upload = new Upload(UploadHandler.inMemory((meta, data) -> uploaded = data));
        upload.getElement().addEventListener("upload-success", e -> received());
        UploadTexts.apply(upload);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TaskSheet.MAX_BYTES);
        upload.setAcceptedFileTypes(".xlsx", XLSX);

        summary.addClassName("import-summary");
        problems.addColumn(p -> p.line() == 0 ? "" : String.valueOf(p.line()))
                .setHeader(getTranslation("task.import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var column = problems.addColumn(this::column)
                .setHeader(getTranslation("task.import.column"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var reason = problems.addColumn(this::reason)
                .setHeader(getTranslation("task.import.reason"))
                .setFlexGrow(1);
        // on a phone the column goes in front of the reason, which keeps the width to read it
        var columnAndReason = problems.addColumn(p -> p.column().isEmpty() ? reason(p) : column(p) + ": " + reason(p))
                .setHeader(getTranslation("task.import.reason"))
                .setFlexGrow(1);
        columnAndReason.setVisible(false);
        Responsive.onNarrow(problems, narrow -> {
            column.setVisible(!narrow);
            reason.setVisible(!narrow);
            columnAndReason.setVisible(narrow);
        });
        problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        problems.addClassName("import-problems");
        problems.setAllRowsVisible(true);

        rows.addColumn(TaskImportPreview.Entry::number)
                .setHeader(getTranslation("task.number"))
                .setWidth("4.5em")
                .setFlexGrow(0);
        rows.addColumn(TaskImportPreview.Entry::title)
                .setHeader(getTranslation("task.title"))
                .setFlexGrow(4);
        var lead = rows.addColumn(e ->
                        e.leadUnit() == null ? e.leadUnitTyped() : e.leadUnit().name(english))
                .setHeader(getTranslation("task.leadUnit"))
                .setFlexGrow(2);
        var leader = rows.addColumn(e -> e.leader() == null ? "" : e.leader().getFullName())
                .setHeader(getTranslation("task.leader"))
                .setFlexGrow(1);
        var deadline = rows.addColumn(e -> e.deadline() == null ? "" : e.deadline())
                .setHeader(getTranslation("task.deadline"))
                .setFlexGrow(1);
        Responsive.onNarrow(rows, narrow -> Stream.of(lead, leader, deadline).forEach(c -> c.setVisible(!narrow)));
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        rows.setAllRowsVisible(true);

        toList.setVisible(false);
        confirm.setIcon(VaadinIcon.CHECK.create());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> save());

        add(
                new H2(getTranslation("task.import.title")),
                new Paragraph(getTranslation("task.import.help")),
                toolbar,
                upload,
                summary,
                toList,
                problems,
                confirm,
                rows);
        show(null);
    }

    private String column(TaskImportPreview.Problem p) {
        return p.column().isEmpty() ? "" : p.column() + " · " + getTranslation(p.columnKey());
    }

    private String reason(TaskImportPreview.Problem p) {
        return getTranslation(p.key(), p.args().toArray());
    }

    private void received() {
        if (uploaded == null) {
            return;
        }
        content = uploaded;
        uploaded = null;
        upload.clearFileList();
        check();
    }

    private void check() {
        if (content == null) {
            return;
        }
        try {
            year.setInvalid(false);
            show(service.preview(year.getValue(), content));
        } catch (InvalidInputException e) {
            new FormErrors().field("year", year).show(e);
            show(null);
        }
    }

    private void save() {
        try {
            int saved = service.importYear(year.getValue(), content);
            content = null;
            show(null);
            summary.setVisible(true);
            summary.setText(
                    getTranslation("task.import.saved", String.valueOf(saved), String.valueOf(year.getValue())));
            summary.getElement().getThemeList().set("success", true);
            Notifications.success(summary.getText());
            toList.setText(getTranslation("task.back"));
            toList.setRoute(TasksView.class);
            toList.setVisible(true);
        } catch (TaskImportException e) {
            show(e.preview());
        } catch (InvalidInputException e) {
            new FormErrors().field("year", year).show(e);
        }
    }

    private void show(@Nullable TaskImportPreview preview) {
        toList.setVisible(false);
        summary.getElement().getThemeList().remove("success");
        boolean any = preview != null;
        summary.setVisible(any);
        problems.setVisible(any && !preview.ok());
        rows.setVisible(any && !preview.entries().isEmpty());
        confirm.setVisible(any && preview.ok());
        if (preview == null) {
            problems.setItems(List.of());
            rows.setItems(List.of());
            return;
        }
        problems.setItems(preview.problems());
        rows.setItems(preview.entries());
        String y = String.valueOf(preview.year());
        summary.setText(
                preview.ok()
                        ? getTranslation(
                                "task.import.ready",
                                String.valueOf(preview.entries().size()),
                                y)
                        : getTranslation(
                                "task.import.refused",
                                String.valueOf(preview.entries().size()),
                                String.valueOf(preview.problems().size()),
                                y));
        summary.getElement().getThemeList().set("error", !preview.ok());
        confirm.setText(getTranslation(
                "task.import.confirm", String.valueOf(preview.entries().size()), y));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("task.import.title");
    }
}
