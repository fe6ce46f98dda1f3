package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.InvalidInputException;

/**
 * A button that makes a file in the background and then offers it: the screen stays usable, a
 * progress bar counts the rows (the screen polls, as the app has no push), and the finished file
 * downloads at once and stays as a link. The job is prepared on the screen's thread from the filter
 * shown at the click, and runs as the person who clicked (their security context goes with it).
 */
public class ExportButton extends HorizontalLayout {

    private static final int POLL_MILLIS = 500;
    /** Two exports at a time for the whole node; more wait their turn. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "portal-export");
        thread.setDaemon(true);
        return thread;
    });

    public final Button button;
    public final ProgressBar progress = new ProgressBar();
    public final Span status = new Span();
    public final Anchor link = new Anchor();
    /** The export this button started and still waits for, if any (tests wait on it). */
    public CompletableFuture<Download> running;
    /** The last file made, offered by {@link #link}. */
    public Download lastFile;

    /**
     * @param prepare called on the click, on the screen's thread: reads the filter and returns the
     *                job to run in the background
     */
    public ExportButton(String text, Icon icon, Supplier<Function<Download.Progress, Download>> prepare) {
        button = new Button(text, icon, e -> start(prepare.get()));
        button.addClassName("export-button");
        progress.setVisible(false);
        progress.setWidth("10em");
        status.addClassName("export-status");
        link.setVisible(false);
        link.addClassName("export-link");
        addClassName("export");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        setSpacing(true);
        add(button, progress, status, link);
    }

    private void start(Function<Download.Progress, Download> job) {
        UI ui = UI.getCurrent();
        button.setEnabled(false);
        link.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText(getTranslation("export.running"));
        ui.setPollInterval(POLL_MILLIS);
        var asCaller = new DelegatingSecurityContextExecutor(WORKERS, SecurityContextHolder.getContext());
        // "running" completes once the screen's update is queued, so whoever waits on it sees that update next
        running = CompletableFuture.supplyAsync(
                        () -> job.apply((done, total) -> ui.access(() -> show(done, total))), asCaller)
                .whenComplete((file, failure) -> ui.access(() -> finished(ui, file, failure)));
    }

    private void show(long done, long total) {
        if (running == null) {
            return;
        }
        if (total > 0) {
            progress.setIndeterminate(false);
            progress.setValue(Math.min(1.0, (double) done / total));
            status.setText(getTranslation("export.progress", done, total));
        } else {
            status.setText(getTranslation("export.progress.open", done));
        }
    }

    private void finished(UI ui, Download file, Throwable failure) {
        running = null;
        ui.setPollInterval(-1);
        progress.setVisible(false);
        button.setEnabled(true);
        if (failure != null) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            if (cause instanceof InvalidInputException invalid
                    && !invalid.problems().isEmpty()) {
                status.setText(FormErrors.message(invalid.problems().get(0)));
            } else {
                LoggerFactory.getLogger(ExportButton.class).error("Export failed", failure);
                status.setText(getTranslation("export.failed"));
            }
            return;
        }
        lastFile = file;
        byte[] bytes = file.content();
        link.setHref(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(bytes), file.fileName(), file.mimeType(), bytes.length)));
        link.getElement().setAttribute("download", file.fileName());
        link.setText(getTranslation("export.download", file.fileName()));
        link.setVisible(true);
        status.setText(
                Download.PDF.equals(file.mimeType())
                        ? getTranslation("export.done.file")
                        : getTranslation("export.done", file.rows()));
        // the file arrives without a second click; the link stays for another copy
        link.getElement().executeJs("setTimeout(() => this.click(), 0)");
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
}
