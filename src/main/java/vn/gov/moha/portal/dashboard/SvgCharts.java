package vn.gov.moha.portal.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import vn.gov.moha.portal.dashboard.Figures.LateUnit;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.TaskState;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.UnitLateness;

/**
 * The dashboard's four charts drawn on the server as SVG: no script, nothing to install, the same
 * in every mode and browser. The figures come from the database; this only lays them out. Every
 * mark carries a {@code <title>} (shown on hover, read by screen readers), late states carry a
 * pattern as well as a colour, and lines end with their task number.
 *
 * <p>Over 300 lines: four small chart drawers that share the axis, legend and pattern helpers.
 */
final class SvgCharts {

    /** The colours of the four states and the ongoing group, the same as the matrix cells. */
    static final Map<DeadlineState, String> COLOURS = Map.of(
            DeadlineState.IN_PROGRESS_ON_TIME, "#1f63b5",
            DeadlineState.IN_PROGRESS_OVERDUE, "#c62828",
            DeadlineState.DONE_ON_TIME, "#2e7d32",
            DeadlineState.DONE_LATE, "#b85c00",
            DeadlineState.ONGOING, "#6a4c93");

    /** One colour per task line (Tableau 10). */
    static final List<String> PALETTE = List.of(
            "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
            "#79706e");

    private static final String FONT = "font-family=\"inherit\" font-size=\"12\"";
    private static final String MUTED = "#5f6b7a";
    private static final String GRIDLINE = "#e3e6eb";

    private SvgCharts() {}

    /** Each task's percent complete month by month (a line per task, its number at the end). */
    static String progress(
            List<ProgressPoint> points, List<TaskRow> tasks, boolean narrow, Function<String, String> t) {
        int w = narrow ? 360 : 520;
        int h = 300;
        int left = 44;
        int right = 28;
        int top = 14;
        int bottom = 34;
        List<YearMonth> months = new ArrayList<>(
                new TreeSet<>(points.stream().map(ProgressPoint::month).toList()));
        StringBuilder svg = open(w, h, t.apply("dashboard.chart.progress"));
        if (months.isEmpty()) {
            return empty(svg, w, h, t);
        }
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + plotH * (1 - pct / 100.0);
            svg.append(line(left, y, w - right, y, GRIDLINE));
            svg.append(text(left - 6, y + 4, "end", MUTED, pct + " %"));
        }
        double step = months.size() == 1 ? 0 : plotW / (months.size() - 1);
        int labelEvery = Math.max(1, (int) Math.ceil(months.size() / (narrow ? 4.0 : 8.0)));
        for (int i = 0; i < months.size(); i++) {
            double x = months.size() == 1 ? left + plotW / 2 : left + i * step;
            if (i % labelEvery == 0) {
                YearMonth m = months.get(i);
                svg.append(text(x, h - bottom + 18, "middle", MUTED, fmt("%02d/%d", m.getMonthValue(), m.getYear())));
            }
        }
        for (int ti = 0; ti < tasks.size(); ti++) {
            TaskRow task = tasks.get(ti);
            String colour = PALETTE.get((task.number() - 1) % PALETTE.size());
            List<double[]> xy = new ArrayList<>();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < months.size(); i++) {
                YearMonth m = months.get(i);
                Integer pct = points.stream()
                        .filter(p -> p.taskId() == task.id() && p.month().equals(m))
                        .map(ProgressPoint::percent)
                        .findFirst()
                        .orElse(null);
                if (pct == null) {
                    continue;
                }
                double x = months.size() == 1 ? left + plotW / 2 : left + i * step;
                double y = top + plotH * (1 - pct / 100.0);
                xy.add(new double[] {x, y});
                dots.append(fmt(
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>",
                        x,
                        y,
                        colour,
                        esc(t.apply("dashboard.chart.taskShort") + " " + task.number() + " – "
                                + fmt("%02d/%d", m.getMonthValue(), m.getYear()) + ": " + pct + " %")));
            }
            if (xy.isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (double[] p : xy) {
                path.append(path.isEmpty() ? "M" : " L").append(fmt("%.1f %.1f", p[0], p[1]));
            }
            svg.append(fmt(
                            "<g class=\"series\"><path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                            path, colour))
                    .append(dots);
            double[] last = xy.get(xy.size() - 1);
            svg.append(fmt(
                    "<text x=\"%.1f\" y=\"%.1f\" %s font-weight=\"700\" fill=\"%s\">%d</text></g>",
                    last[0] + 6, last[1] + 4, FONT, colour, task.number()));
        }
        return close(svg);
    }

    /** How many assignments of each task are in each state (stacked bars, one per task). */
    static String states(List<TaskState> states, List<TaskRow> tasks, boolean narrow, Function<String, String> t) {
        int w = narrow ? 360 : 520;
        int h = 300;
        int left = 40;
        int right = 12;
        int top = 14;
        int bottom = 40;
        StringBuilder svg = open(w, h, t.apply("dashboard.chart.states"));
        long max = tasks.stream()
                .mapToLong(task -> states.stream()
                        .filter(s -> s.taskId() == task.id())
                        .mapToLong(TaskState::count)
                        .sum())
                .max()
                .orElse(0);
        if (max == 0) {
            return empty(svg, w, h, t);
        }
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        long tick = niceStep(max);
        long axisMax = ((max + tick - 1) / tick) * tick;
        for (long v = 0; v <= axisMax; v += tick) {
            double y = top + plotH * (1 - (double) v / axisMax);
            svg.append(line(left, y, w - right, y, GRIDLINE));
            svg.append(text(left - 6, y + 4, "end", MUTED, String.valueOf(v)));
        }
        double slot = plotW / tasks.size();
        double barW = Math.min(36, slot * 0.7);
        for (int i = 0; i < tasks.size(); i++) {
            TaskRow task = tasks.get(i);
            double x = left + i * slot + (slot - barW) / 2;
            double y = top + plotH;
            for (DeadlineState state : Figures.BY_SEVERITY) {
                long n = states.stream()
                        .filter(s -> s.taskId() == task.id() && s.state() == state)
                        .mapToLong(TaskState::count)
                        .sum();
                if (n == 0) {
                    continue;
                }
                double bh = plotH * n / axisMax;
                y -= bh;
                svg.append(rect(
                        x,
                        y,
                        barW,
                        bh,
                        state,
                        t.apply("dashboard.chart.taskShort") + " " + task.number() + " – "
                                + t.apply(state.translationKey()) + ": " + n));
            }
            svg.append(
                    text(left + i * slot + slot / 2, h - bottom + 16, "middle", MUTED, String.valueOf(task.number())));
        }
        svg.append(text(left + plotW / 2, h - 6, "middle", MUTED, t.apply("dashboard.chart.taskAxis")));
        return close(svg);
    }

    /** The units with the most overdue and late-finished assignments, most first (horizontal bars). */
    static String lateUnits(List<LateUnit> units, boolean english, boolean narrow, Function<String, String> t) {
        String overdue = t.apply(DeadlineState.IN_PROGRESS_OVERDUE.translationKey());
        String late = t.apply(DeadlineState.DONE_LATE.translationKey());
        return bars(
                units.stream()
                        .map(u -> new Bar(u.name(english), u.overdue(), overdue, u.doneLate(), late))
                        .toList(),
                narrow,
                t.apply("dashboard.chart.late"),
                t);
    }

    /** The units with the most periodic reports missing or sent late, most first (horizontal bars). */
    static String lateReports(List<UnitLateness> units, boolean english, boolean narrow, Function<String, String> t) {
        String missing = t.apply(PeriodStatus.MISSING.translationKey());
        String late = t.apply(PeriodStatus.LATE.translationKey());
        return bars(
                units.stream()
                        .map(u -> new Bar(u.name(english), u.missing(), missing, u.late(), late))
                        .toList(),
                narrow,
                t.apply("dashboard.chart.lateReports"),
                t);
    }

    /** A unit's bar: the worse part first (hatched red), the other after it (dotted orange). */
    private record Bar(String name, long worse, String worseLabel, long other, String otherLabel) {}

    private static String bars(List<Bar> units, boolean narrow, String label, Function<String, String> t) {
        int w = narrow ? 360 : 520;
        int rowH = 26;
        int labelW = narrow ? 110 : 200;
        int top = 8;
        int h = Math.max(120, top + units.size() * rowH + 28);
        StringBuilder svg = open(w, h, label);
        if (units.isEmpty()) {
            return empty(svg, w, h, t);
        }
        long max = Math.max(
                1, units.stream().mapToLong(u -> u.worse() + u.other()).max().orElse(1));
        double plotW = w - labelW - 40;
        for (int i = 0; i < units.size(); i++) {
            Bar u = units.get(i);
            double y = top + i * rowH;
            String name = MatrixTable.shortName(u.name());
            String shown = name.length() > (narrow ? 14 : 28) ? name.substring(0, narrow ? 13 : 27) + "…" : name;
            svg.append(fmt(
                    "<text x=\"%d\" y=\"%.1f\" %s text-anchor=\"end\" fill=\"#1f2933\"><title>%s</title>%s</text>",
                    labelW - 8, y + rowH / 2.0 + 4, FONT, esc(u.name()), esc(shown)));
            double x = labelW;
            double worse = plotW * u.worse() / max;
            double other = plotW * u.other() / max;
            if (u.worse() > 0) {
                svg.append(rect(
                        x,
                        y + 4,
                        worse,
                        rowH - 8,
                        DeadlineState.IN_PROGRESS_OVERDUE,
                        name + " – " + u.worseLabel() + ": " + u.worse()));
            }
            if (u.other() > 0) {
                svg.append(rect(
                        x + worse,
                        y + 4,
                        other,
                        rowH - 8,
                        DeadlineState.DONE_LATE,
                        name + " – " + u.otherLabel() + ": " + u.other()));
            }
            svg.append(text(
                    x + worse + other + 6,
                    y + rowH / 2.0 + 4,
                    "start",
                    "#1f2933",
                    String.valueOf(u.worse() + u.other())));
        }
        svg.append(line(labelW, top, labelW, top + units.size() * rowH, MUTED));
        return close(svg);
    }

    // ---- drawing --------------------------------------------------------------------------------

    private static StringBuilder open(int w, int h, String label) {
        StringBuilder svg = new StringBuilder();
        svg.append(fmt(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" ",
                        w, h))
                .append("aria-label=\"")
                .append(esc(label))
                .append("\">");
        svg.append("<defs>")
                .append(pattern(
                        "hatch-overdue",
                        COLOURS.get(DeadlineState.IN_PROGRESS_OVERDUE),
                        "<path d=\"M0 6 L6 0\" stroke=\"#fff\" stroke-width=\"1.6\" opacity=\"0.75\"/>"))
                .append(pattern(
                        "dots-late",
                        COLOURS.get(DeadlineState.DONE_LATE),
                        "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#fff\" opacity=\"0.8\"/>"))
                .append("</defs>");
        return svg;
    }

    private static String pattern(String id, String colour, String mark) {
        return fmt(
                ("<pattern id=\"%s\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                        + "<rect width=\"6\" height=\"6\" fill=\"%s\"/>%s</pattern>"),
                id,
                colour,
                mark);
    }

    private static String fill(DeadlineState state) {
        return switch (state) {
            case IN_PROGRESS_OVERDUE -> "url(#hatch-overdue)";
            case DONE_LATE -> "url(#dots-late)";
            default -> COLOURS.get(state);
        };
    }

    private static String rect(double x, double y, double w, double h, DeadlineState state, String title) {
        return fmt(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"><title>%s</title></rect>",
                x, y, w, h, fill(state), esc(title));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, String colour, String text) {
        return fmt(
                "<text x=\"%.1f\" y=\"%.1f\" %s text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, FONT, anchor, colour, esc(text));
    }

    private static String empty(StringBuilder svg, int w, int h, Function<String, String> t) {
        svg.append(text(w / 2.0, h / 2.0, "middle", MUTED, t.apply("dashboard.chart.empty")));
        return close(svg);
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    /** 1, 2, 5, 10, 20, 50 ... so that the axis has about five lines. */
    static long niceStep(long max) {
        long step = 1;
        while (max / step > 5) {
            long next = String.valueOf(step).startsWith("2") ? step * 5 / 2 : step * 2;
            step = next;
        }
        return step;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Numbers with a dot, whatever the server's language: SVG wants 12.5, not 12,5. */
    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
