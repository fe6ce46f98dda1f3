package vn.gov.moha.portal.backup;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import vn.gov.moha.portal.backup.BackupService.Backup;
import vn.gov.moha.portal.backup.BackupService.Mode;
import vn.gov.moha.portal.backup.BackupService.Progress;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.Notifications;

/**
 * ADMIN: "Sao lưu ngay" backs up the embedded database and the evidence files while the portal runs,
 * in the background (the screen polls for progress), and lists the archives with a download link.
 * On PostgreSQL it says to use pg_dump instead.
 */
@Route("admin/backup")
@Menu(order = 10.5, icon = "vaadin:archive", title = "nav.backup")
@RolesAllowed(Role.Names.ADMIN)
class BackupView extends VerticalLayout implements HasDynamicTitle {

    private static final int POLL_MILLIS = 500;

    private final BackupService service;
    final Paragraph intro = new Paragraph();
    final Button backupNow = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Span error = new Span();
    final Grid<Backup> grid = new Grid<>();
    /** The backup this screen started and still waits for, if any. */
    CompletableFuture<Backup> running;

    BackupView(BackupService service) {
        this.service = service;
        addClassName("page");
        setSizeFull();
        Mode mode = service.mode();
        intro.setText(getTranslation(
                switch (mode) {
                    case H2_FILE -> "backup.intro";
                    case POSTGRESQL -> "backup.postgres";
                    case UNSUPPORTED -> "backup.unsupported";
                }));
        add(intro);
        if (mode == Mode.POSTGRESQL) {
            Pre commands = new Pre(getTranslation("backup.postgres.commands"));
            commands.addClassName("backup-commands");
            add(commands);
        }

        backupNow.setText(getTranslation("backup.now"));
        backupNow.setIcon(VaadinIcon.ARCHIVE.create());
        backupNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backupNow.setEnabled(mode == Mode.H2_FILE);
        backupNow.addClickListener(e -> start());
        progress.setVisible(false);
        progress.setWidth("16em");
        error.addClassName("upload-error");
        HorizontalLayout toolbar = new HorizontalLayout(backupNow, progress, status, error);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();

        grid.addComponentColumn(this::downloadLink)
                .setHeader(getTranslation("backup.file"))
                .setFlexGrow(1);
        grid.addColumn(b -> size(b.sizeBytes()))
                .setHeader(getTranslation("backup.size"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(b -> Formats.dateTime(b.createdAt()))
                .setHeader(getTranslation("backup.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        if (mode == Mode.H2_FILE) {
            add(new Paragraph(getTranslation("backup.cli")));
        }
        refresh();
    }

    /** Starts the backup and returns at once; progress and the end arrive through polling. */
    private void start() {
        UI ui = UI.getCurrent();
        error.setText("");
        CompletableFuture<Backup> started;
        try {
            started = service.start(ui.accessLater(this::show, null)::accept);
        } catch (InvalidInputException e) {
            error.setText(vn.gov.moha.portal.ui.FormErrors.message(e.problems().get(0)));
            return;
        }
        backupNow.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText(getTranslation("backup.running.database"));
        ui.setPollInterval(POLL_MILLIS);
        running = started.whenComplete((backup, failure) ->
                ui.accessLater(() -> finished(backup, failure), null).run());
    }

    private void show(Progress p) {
        if (!p.databaseDone() || p.filesTotal() == 0) {
            return;
        }
        progress.setIndeterminate(false);
        progress.setValue((double) p.filesDone() / p.filesTotal());
        status.setText(getTranslation("backup.running.files", p.filesDone(), p.filesTotal()));
    }

    private void finished(Backup backup, Throwable failure) {
        running = null;
        progress.setVisible(false);
        status.setText("");
        backupNow.setEnabled(true);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (failure != null) {
            LoggerFactory.getLogger(BackupView.class).error("Backup failed", failure);
            error.setText(getTranslation("backup.error.failed"));
        } else {
            Notifications.success(getTranslation("backup.done", backup.name(), size(backup.sizeBytes())));
        }
        refresh();
    }

    private Anchor downloadLink(Backup backup) {
        String name = backup.name();
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        BackupService.Download d = service.download(name);
                        return new DownloadResponse(d.content(), d.name(), "application/zip", d.sizeBytes());
                    } catch (InvalidInputException e) {
                        return DownloadResponse.error(404);
                    }
                }),
                name);
        link.addClassName("backup-link");
        return link;
    }

    private String size(long bytes) {
        return bytes < 1024 * 1024
                ? String.format(getLocale(), "%,.1f KB", bytes / 1024.0)
                : String.format(getLocale(), "%,.1f MB", bytes / (1024.0 * 1024));
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (running != null) {
            event.getUI().setPollInterval(POLL_MILLIS);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.backup");
    }
}
