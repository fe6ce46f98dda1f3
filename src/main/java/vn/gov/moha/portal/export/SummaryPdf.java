package vn.gov.moha.portal.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.UnitColumn;
import vn.gov.moha.portal.dashboard.Figures.WaitingStep;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;

/**
 * The leader's summary on A4 landscape, in Vietnamese with DejaVu Sans embedded (Identity-H, so every
 * diacritic is the font's own glyph): headline figures, a table of the tasks with their counts per
 * state, then the matrix as one block per task, then the late list.
 *
 * <p>Why one block per task: the screen's matrix has up to 80 unit columns, which on A4 landscape
 * would leave 3 mm per column, too small to name a unit. A block per task lists only the units that
 * hold that task, eight to a line, each with its name, percent and state (colour and sign), so a
 * unit's name stays readable at 7 pt and no paper is spent on empty cells.
 *
 * <p>Longer than 300 lines on purpose: it is one document's layout, each part drawn with the same fonts
 * and cell helpers; split, the parts would only hand those around.
 */
final class SummaryPdf {

    /** An overdue assignment of the late list. */
    /** An overdue assignment of the late list; {@code document} names its assigning document, or is null. */
    record Overdue(
            TaskRow task,
            String unitName,
            LocalDate deadline,
            long days,
            int percent,
            @Nullable String document) {}

    private static final int PER_LINE = 8;
    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final Map<DeadlineState, String> SIGN = new EnumMap<>(Map.of(
            DeadlineState.IN_PROGRESS_ON_TIME,
            "○",
            DeadlineState.IN_PROGRESS_OVERDUE,
            "!",
            DeadlineState.DONE_ON_TIME,
            "✓",
            DeadlineState.DONE_LATE,
            "✓!",
            DeadlineState.ONGOING,
            "↻"));

    private final Texts x;
    private final List<UnitColumn> columns;
    private final Font title;
    private final Font heading;
    private final Font normal;
    private final Font bold;
    private final Font small;
    private final Font smallBold;
    private final Font figure;

    SummaryPdf(Texts x, List<UnitColumn> columns) {
        this.x = x;
        this.columns = columns;
        try {
            BaseFont regular =
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont heavy = BaseFont.createFont(
                    "DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            title = new Font(heavy, 15);
            heading = new Font(heavy, 11);
            normal = new Font(regular, 8.5f);
            bold = new Font(heavy, 8.5f);
            small = new Font(regular, 7);
            smallBold = new Font(heavy, 7);
            figure = new Font(heavy, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = SummaryPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Color color(DeadlineState s) {
        byte[] rgb = Xlsx.rgb(s);
        return new Color(rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF);
    }

    byte[] write(
            Figures.Headline headline,
            Matrix matrix,
            List<Overdue> overdue,
            List<ReportingRow> lateReports,
            String scope,
            List<String[]> filters,
            LocalDateTime at,
            String who,
            String reportingPeriods) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()), 28, 28, 26, 30);
        PdfWriter.getInstance(doc, out);
        HeaderFooter footer = new HeaderFooter(
                new Phrase(
                        x.t("export.pdf.footer", Formats.dateTime(at)) + " · " + x.t("export.pdf.page") + " ", small),
                true);
        footer.setBorder(Rectangle.NO_BORDER);
        footer.setAlignment(Element.ALIGN_RIGHT);
        doc.setFooter(footer);
        doc.addTitle(x.t("export.pdf.title", filters.isEmpty() ? "" : filters.get(0)[1]));
        doc.addCreator("Bộ Nội vụ");
        doc.open();

        doc.add(new Paragraph(x.t("export.pdf.title", filters.isEmpty() ? "" : filters.get(0)[1]), title));
        Paragraph sub = new Paragraph(scope + " " + x.t("export.pdf.made", Formats.dateTime(at), who), normal);
        sub.setSpacingAfter(2);
        doc.add(sub);
        StringBuilder f = new StringBuilder();
        for (String[] line : filters.subList(Math.min(1, filters.size()), filters.size())) {
            f.append(f.isEmpty() ? "" : " · ").append(line[0]).append(": ").append(line[1]);
        }
        doc.add(new Paragraph(x.t("export.filters") + ": " + f, small));

        section(doc, "export.pdf.headline");
        doc.add(headline(headline));

        section(doc, "export.pdf.byTask");
        doc.add(byTask(matrix));

        section(doc, "export.pdf.matrix");
        doc.add(legend());
        for (TaskRow row : matrix.rows()) {
            PdfPTable block = block(matrix, row);
            if (block != null) {
                doc.add(block);
            }
        }

        section(doc, "export.pdf.overdue");
        doc.add(overdue(overdue));
        Paragraph late = new Paragraph(
                x.t("export.pdf.lateReports", reportingPeriods.isEmpty() ? "—" : reportingPeriods), heading);
        late.setSpacingBefore(10);
        late.setSpacingAfter(4);
        doc.add(late);
        doc.add(lateReports(lateReports));
        doc.close();
        return out.toByteArray();
    }

    private void section(Document doc, String key) {
        Paragraph p = new Paragraph(x.t(key), heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private PdfPTable headline(Figures.Headline h) {
        PdfPTable t = new PdfPTable(8);
        t.setWidthPercentage(100);
        t.addCell(figureCell(h.total(), x.t("dashboard.total"), Color.WHITE, null));
        for (DeadlineState s : DeadlineState.values()) {
            t.addCell(figureCell(h.count(s), SIGN.get(s) + " " + x.t(s.translationKey()), color(s), null));
        }
        StringBuilder steps = new StringBuilder();
        for (WaitingStep w : h.waiting()) {
            steps.append(steps.isEmpty() ? "" : "\n")
                    .append(x.t(
                            "dashboard.waiting.step",
                            x.t("dashboard.chain." + w.chain()),
                            w.step(),
                            w.role() == null ? "?" : x.t(w.role().translationKey()),
                            w.count()));
        }
        t.addCell(figureCell(h.waitingTotal(), x.t("dashboard.waiting"), Color.WHITE, steps.toString()));
        t.addCell(figureCell(h.openExtensions(), x.t("dashboard.extensions"), Color.WHITE, null));
        return t;
    }

    private PdfPCell figureCell(long value, String label, Color background, String more) {
        Paragraph p = new Paragraph("", small);
        p.setLeading(0, 1.15f);
        p.add(new Chunk(x.t("dashboard.number", value) + "\n", figure));
        p.add(new Chunk(label, normal));
        if (more != null && !more.isEmpty()) {
            p.add(new Chunk("\n" + more, small));
        }
        PdfPCell cell = new PdfPCell(p);
        cell.setBackgroundColor(background);
        cell.setPadding(5);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    /** Tasks down; how many units, how many in each state, the average percent. */
    private PdfPTable byTask(Matrix matrix) {
        PdfPTable t = new PdfPTable(new float[] {3, 36, 13, 6, 8, 8, 8, 8, 8, 7});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String head : List.of(
                x.t("task.number"),
                x.t("assignment.task"),
                x.t("task.leader"),
                x.t("export.pdf.units"),
                SIGN.get(DeadlineState.IN_PROGRESS_ON_TIME) + " "
                        + x.t(DeadlineState.IN_PROGRESS_ON_TIME.translationKey()),
                SIGN.get(DeadlineState.IN_PROGRESS_OVERDUE) + " "
                        + x.t(DeadlineState.IN_PROGRESS_OVERDUE.translationKey()),
                SIGN.get(DeadlineState.DONE_ON_TIME) + " " + x.t(DeadlineState.DONE_ON_TIME.translationKey()),
                SIGN.get(DeadlineState.DONE_LATE) + " " + x.t(DeadlineState.DONE_LATE.translationKey()),
                SIGN.get(DeadlineState.ONGOING) + " " + x.t(DeadlineState.ONGOING.translationKey()),
                x.t("export.pdf.averagePercent"))) {
            t.addCell(head(head));
        }
        for (TaskRow row : matrix.rows()) {
            Map<DeadlineState, Integer> counts = new EnumMap<>(DeadlineState.class);
            long units = 0;
            long assignments = 0;
            long percentSum = 0;
            for (UnitColumn c : columns) {
                var cell = matrix.cell(row.id(), c.id());
                if (cell.isPresent()) {
                    units++;
                    assignments += cell.get().count();
                    percentSum += (long) cell.get().percent() * cell.get().count();
                    cell.get().states().forEach((s, n) -> counts.merge(s, n, Integer::sum));
                }
            }
            t.addCell(text(String.valueOf(row.number()), small, Element.ALIGN_RIGHT, null));
            t.addCell(text(row.title(x.english()), small, Element.ALIGN_LEFT, null));
            t.addCell(text(row.leaderName() == null ? "" : row.leaderName(), small, Element.ALIGN_LEFT, null));
            t.addCell(text(String.valueOf(units), small, Element.ALIGN_RIGHT, null));
            for (DeadlineState s : DeadlineState.values()) {
                int n = counts.getOrDefault(s, 0);
                t.addCell(text(String.valueOf(n), small, Element.ALIGN_RIGHT, n > 0 ? color(s) : null));
            }
            t.addCell(text(
                    assignments == 0 ? "—" : Math.round((double) percentSum / assignments) + "%",
                    small,
                    Element.ALIGN_RIGHT,
                    null));
        }
        if (matrix.rows().isEmpty()) {
            PdfPCell none = text(x.t("dashboard.matrix.none"), small, Element.ALIGN_LEFT, null);
            none.setColspan(10);
            t.addCell(none);
        }
        return t;
    }

    private Paragraph legend() {
        Paragraph p = new Paragraph("", small);
        for (DeadlineState s : DeadlineState.values()) {
            Chunk c = new Chunk(" " + SIGN.get(s) + " " + x.t(s.translationKey()) + " ", small);
            c.setBackground(color(s), 1, 1, 1, 1);
            p.add(c);
            p.add(new Chunk("   ", small));
        }
        p.add(new Chunk(x.t("export.pdf.legend"), small));
        p.setSpacingAfter(4);
        return p;
    }

    /** One task: its title over its units, departments then provinces, eight to a line. */
    private PdfPTable block(Matrix matrix, TaskRow row) {
        List<UnitColumn> departments = columns.stream()
                .filter(c -> c.kind() != UnitKind.PROVINCE)
                .filter(c -> matrix.cell(row.id(), c.id()).isPresent())
                .toList();
        List<UnitColumn> provinces = columns.stream()
                .filter(c -> c.kind() == UnitKind.PROVINCE)
                .filter(c -> matrix.cell(row.id(), c.id()).isPresent())
                .toList();
        if (departments.isEmpty() && provinces.isEmpty()) {
            return null;
        }
        PdfPTable t = new PdfPTable(PER_LINE);
        t.setWidthPercentage(100);
        t.setSpacingBefore(3);
        t.setHeaderRows(1);
        PdfPCell head = new PdfPCell(new Phrase(
                row.number() + ". " + row.title(x.english())
                        + (row.leaderName() == null ? "" : " — " + x.t("dashboard.matrix.leader", row.leaderName())),
                bold));
        head.setColspan(PER_LINE);
        head.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
        head.setPadding(3);
        t.addCell(head);
        group(t, matrix, row, departments, "dashboard.matrix.departments");
        group(t, matrix, row, provinces, "dashboard.matrix.provinces");
        return t;
    }

    private void group(PdfPTable t, Matrix matrix, TaskRow row, List<UnitColumn> units, String key) {
        if (units.isEmpty()) {
            return;
        }
        PdfPCell label = new PdfPCell(new Phrase(x.t(key) + " (" + units.size() + ")", smallBold));
        label.setColspan(PER_LINE);
        label.setBorder(Rectangle.NO_BORDER);
        label.setPaddingTop(2);
        t.addCell(label);
        for (UnitColumn c : units) {
            Figures.Cell cell = matrix.cell(row.id(), c.id()).orElseThrow();
            Paragraph p = new Paragraph("", small);
            p.add(new Chunk(MatrixExporter.shortName(c.name(x.english())) + "\n", small));
            p.add(new Chunk(
                    SIGN.get(cell.worst()) + " " + cell.percent() + "%" + (cell.count() > 1 ? " ×" + cell.count() : ""),
                    smallBold));
            PdfPCell pc = new PdfPCell(p);
            pc.setBackgroundColor(color(cell.worst()));
            pc.setBorderColor(Color.WHITE);
            pc.setBorderWidth(1.5f);
            pc.setPadding(2);
            t.addCell(pc);
        }
        for (int i = units.size() % PER_LINE; i > 0 && i < PER_LINE; i++) {
            PdfPCell empty = new PdfPCell(new Phrase("", small));
            empty.setBorder(Rectangle.NO_BORDER);
            t.addCell(empty);
        }
    }

    private PdfPTable overdue(List<Overdue> list) {
        PdfPTable t = new PdfPTable(new float[] {3, 45, 25, 9, 8, 7});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String head : List.of(
                x.t("task.number"),
                x.t("assignment.task"),
                x.t("assignment.leadUnit"),
                x.t("assignment.deadline"),
                x.t("export.pdf.daysLate"),
                x.t("export.percent"))) {
            t.addCell(head(head));
        }
        for (Overdue o : list) {
            t.addCell(text(String.valueOf(o.task().number()), small, Element.ALIGN_RIGHT, null));
            // the assigning document under the task's title, where a reader looks for what the task rests on
            t.addCell(text(
                    o.task().title(x.english())
                            + (o.document() == null ? "" : "\n" + x.t("assignment.document") + ": " + o.document()),
                    small,
                    Element.ALIGN_LEFT,
                    null));
            t.addCell(text(o.unitName(), small, Element.ALIGN_LEFT, null));
            t.addCell(text(Formats.date(o.deadline()), small, Element.ALIGN_CENTER, null));
            t.addCell(text(
                    String.valueOf(o.days()), small, Element.ALIGN_RIGHT, color(DeadlineState.IN_PROGRESS_OVERDUE)));
            t.addCell(text(o.percent() + "%", small, Element.ALIGN_RIGHT, null));
        }
        none(t, list.isEmpty(), 6);
        return t;
    }

    private PdfPTable lateReports(List<ReportingRow> rows) {
        PdfPTable t = new PdfPTable(new float[] {12, 3, 38, 25, 9, 11, 11});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String head : List.of(
                x.t("reporting.period"),
                x.t("task.number"),
                x.t("reporting.task"),
                x.t("reporting.unit"),
                x.t("reporting.due"),
                x.t("reporting.status"),
                x.t("reporting.submittedAt"))) {
            t.addCell(head(head));
        }
        for (ReportingRow r : rows) {
            t.addCell(text(r.period().label(x.locale()), small, Element.ALIGN_LEFT, null));
            t.addCell(text(String.valueOf(r.taskNumber()), small, Element.ALIGN_RIGHT, null));
            t.addCell(text(r.taskTitle(x.english()), small, Element.ALIGN_LEFT, null));
            t.addCell(text(r.unitName(x.english()), small, Element.ALIGN_LEFT, null));
            t.addCell(text(Formats.date(r.period().due()), small, Element.ALIGN_CENTER, null));
            t.addCell(text(
                    x.t(r.status().translationKey()),
                    small,
                    Element.ALIGN_LEFT,
                    color(DeadlineState.IN_PROGRESS_OVERDUE)));
            t.addCell(text(Formats.dateTime(r.submittedAt()), small, Element.ALIGN_CENTER, null));
        }
        none(t, rows.isEmpty(), 7);
        return t;
    }

    private void none(PdfPTable t, boolean empty, int span) {
        if (empty) {
            PdfPCell none = text(x.t("export.pdf.none"), small, Element.ALIGN_LEFT, null);
            none.setColspan(span);
            t.addCell(none);
        }
    }

    private PdfPCell head(String text) {
        PdfPCell c = text(text, smallBold, Element.ALIGN_LEFT, new Color(0xE4, 0xE4, 0xE4));
        c.setVerticalAlignment(Element.ALIGN_BOTTOM);
        return c;
    }

    private static PdfPCell text(String text, Font font, int align, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        c.setBorderColor(Color.LIGHT_GRAY);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
