package vn.gov.moha.portal.calendar;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.CheckedUpload;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;

/**
 * ADMIN: the working-day calendar of a year (days off that are not weekends, weekend days worked),
 * edited day by day or replaced from a file; the current file can be downloaded, changed and sent back.
 */
@Route("admin/calendar")
@Menu(order = 12, icon = "vaadin:calendar", title = "nav.calendar")
@RolesAllowed(Role.Names.ADMIN)
class CalendarView extends VerticalLayout implements HasDynamicTitle {

    /** Errors shown for a refused file; the rest are counted. */
    static final int SHOWN_PROBLEMS = 10;

    private final CalendarService service;
    private final WorkingDays workingDays;
    final Select<Integer> year = new Select<>();
    final Button add = new Button();
    final Anchor download = new Anchor();
    final Span summary = new Span();
    final Paragraph missing = new Paragraph();
    final Grid<CalendarDay> grid = new Grid<>();
    final Details uploadBox = new Details();
    final Paragraph uploadHelp = new Paragraph();
    final Upload upload;
    final Div uploadErrors = new Div();
    private volatile String uploadedName = "";
    private volatile byte[] uploaded = new byte[0];
    private volatile int shownYear;

    CalendarView(CalendarService service, WorkingDays workingDays) {
        this.service = service;
        this.workingDays = workingDays;
        addClassName("page");
        addClassName("calendar-view");

        int thisYear = LocalDate.now().getYear();
        TreeSet<Integer> years = new TreeSet<>(service.years());
        IntStream.rangeClosed(thisYear - 1, thisYear + 1).forEach(years::add);
        year.setLabel(getTranslation("calendar.year"));
        year.setItems(years);
        year.setItemLabelGenerator(String::valueOf);
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        add.setText(getTranslation("calendar.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(
                e -> new CalendarDayDialog(service, null, LocalDate.of(shownYear, 1, 1), this::refresh).open());
        Button downloadButton = new Button(getTranslation("calendar.download"), VaadinIcon.DOWNLOAD.create());
        download.add(downloadButton);
        download.setHref(DownloadHandler.fromInputStream(event -> {
            int y = shownYear;
            byte[] file = service.export(y);
            return new DownloadResponse(
                    new ByteArrayInputStream(file), "lich-" + y + ".csv", "text/csv; charset=UTF-8", file.length);
        }));
        download.setDownload(true);

        HorizontalLayout toolbar = new HorizontalLayout(year, add, download);
        toolbar.addClassName("toolbar");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        missing.addClassName("calendar-missing");
        summary.addClassName("calendar-summary");

        grid.addColumn(d -> Formats.date(d.getDate()))
                .setHeader(getTranslation("calendar.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var weekdayColumn = grid.addColumn(d -> weekday(this, d.getDate()))
                .setHeader(getTranslation("calendar.weekday"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::kindBadge))
                .setHeader(getTranslation("calendar.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CalendarDay::getName)
                .setHeader(getTranslation("calendar.name"))
                .setFlexGrow(3)
                .setTooltipGenerator(CalendarDay::getName);
        var noteColumn = grid.addColumn(d -> d.getNote() == null ? "" : d.getNote())
                .setHeader(getTranslation("calendar.note"))
                .setFlexGrow(2)
                .setTooltipGenerator(d -> d.getNote() == null ? "" : d.getNote());
        Responsive.onNarrow(grid, narrow -> {
            List.of(weekdayColumn, noteColumn).forEach(c -> c.setVisible(!narrow));
            // on a phone the name wraps instead of being cut after a few letters
            if (narrow) {
                grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            } else {
                grid.removeThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPartNameGenerator(d -> d.getKind() == DayKind.MAKEUP_DAY ? "makeup-day" : null);
        grid.addItemClickListener(e -> new CalendarDayDialog(service, e.getItem(), null, this::refresh).open());
        grid.setAllRowsVisible(true);

        // the file is read in the upload's request and applied in the browser's round trip that ends it, so the
        // outcome shows at once, without push (see CheckedUpload)
        Paragraph refused = new Paragraph();
        refused.addClassName("upload-error");
        upload = CheckedUpload.create(
                (name, in) -> {
                    uploadedName = name;
                    uploaded = in.readNBytes(CalendarFile.MAX_BYTES + 1);
                },
                () -> replace(uploadedName, uploaded),
                refused);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CalendarFile.MAX_BYTES);
        upload.setAcceptedFileTypes(
                ".csv",
                ".txt",
                ".xlsx",
                "text/csv",
                "text/plain",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.addFileRejectedListener(e -> {
            refused.setText(""); // the browser's own reason, said once here with what the screen takes
            showErrors(List.of(getTranslation(
                    "report.evidence.refused", e.getFileName(), getTranslation("calendar.file.rejected"))));
        });
        uploadErrors.addClassName("upload-error");
        uploadErrors.addClassName("calendar-upload-errors");
        VerticalLayout uploadContent = new VerticalLayout(uploadHelp, upload, refused, uploadErrors);
        uploadContent.setPadding(false);
        uploadBox.add(uploadContent);
        uploadBox.addClassName("calendar-upload");

        add(new Paragraph(getTranslation("calendar.intro")), toolbar, missing, summary, uploadBox, grid);
        refresh();
    }

    private void refresh() {
        shownYear = year.getValue();
        int y = shownYear;
        List<CalendarDay> days = service.days(y);
        grid.setItems(days);
        var info = service.year(y);
        missing.setVisible(info.isEmpty());
        missing.setText(getTranslation("calendar.missing", String.valueOf(y)));
        grid.setVisible(!days.isEmpty());
        int working = workingDays.workingDaysBetween(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
        long off = days.stream().filter(d -> d.getKind() == DayKind.HOLIDAY).count();
        String counts = getTranslation(
                "calendar.summary", String.valueOf(off), String.valueOf(days.size() - off), String.valueOf(working));
        summary.setText(info.map(i -> counts + " · "
                        + getTranslation(
                                "calendar.source." + i.getSource().name(),
                                i.getFileName() == null ? "" : i.getFileName(),
                                Formats.dateTime(i.getUpdatedAt()),
                                i.getUpdatedBy()))
                .orElse(counts));
        download.setVisible(info.isPresent());
        uploadBox.setSummaryText(getTranslation("calendar.upload.title", String.valueOf(y)));
        uploadBox.setOpened(info.isEmpty());
        uploadHelp.setText(getTranslation("calendar.upload.help", String.valueOf(y)));
        uploadErrors.removeAll();
    }

    private void replace(String fileName, byte[] data) {
        int y = shownYear;
        try {
            int count = service.replaceYear(y, fileName, data);
            refresh();
            Notifications.success(getTranslation("calendar.uploaded", String.valueOf(y), String.valueOf(count)));
        } catch (CalendarFileException e) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(getTranslation("calendar.upload.refused", String.valueOf(y)));
            e.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> lines.add(getTranslation(p.key(), p.params())));
            if (e.problems().size() > SHOWN_PROBLEMS) {
                lines.add(getTranslation(
                        "calendar.upload.more", String.valueOf(e.problems().size() - SHOWN_PROBLEMS)));
            }
            showErrors(lines);
        } catch (InvalidInputException e) {
            showErrors(List.of(
                    vn.gov.moha.portal.ui.FormErrors.message(e.problems().get(0))));
        } finally {
            upload.clearFileList();
        }
    }

    private void showErrors(List<String> lines) {
        uploadBox.setOpened(true);
        uploadErrors.removeAll();
        lines.forEach(l -> uploadErrors.add(new Paragraph(l)));
    }

    private Component kindBadge(CalendarDay d) {
        Span badge = new Span(getTranslation(d.getKind().translationKey()));
        badge.getElement().getThemeList().add(d.getKind() == DayKind.HOLIDAY ? "badge" : "badge success");
        return badge;
    }

    /** "Thứ hai", "Chủ nhật"… in the user's language. */
    static String weekday(Component c, LocalDate date) {
        return c.getTranslation("date.weekdays").split(",")[date.getDayOfWeek().getValue() % 7];
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.calendar");
    }
}
