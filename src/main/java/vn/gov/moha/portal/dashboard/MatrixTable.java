package vn.gov.moha.portal.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.gov.moha.portal.dashboard.Figures.Cell;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.UnitColumn;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * The task x unit matrix as a plain HTML table: tasks down, units across under two header groups
 * (ministry departments, provinces), scrolling sideways with the task column frozen. A cell shows
 * the state as colour, icon and (for screen readers and on hover) words, and the percent complete;
 * it links to its assignment, or, when it stands for several (roll-up), opens their list.
 *
 * <p>The table is one HTML text, not a component per cell: a year's matrix has several hundred cells, and as
 * components (a cell, a link, an icon, a text each) they made the dashboard's answer and its drawing in the
 * browser the slowest step of a working day (docs/benchmarks.md, issue 20). Assignment cells are links the
 * router follows; rolled-up cells are buttons whose clicks one listener on the table receives, and it opens
 * only a cell of the matrix it drew.
 */
class MatrixTable extends Div {

    /** The client expression naming the rolled-up cell clicked ("task:unit", {@link Matrix#key}). */
    static final String CLICKED = "event.target.closest('button.cell-link')?.dataset.cell ?? ''";

    /** The drawings of {@link #iconName}'s Vaadin icons (@vaadin/icons 24.9, 16 x 16), for the matrix's cells. */
    private static final Map<DeadlineState, String> ICON_PATHS = Map.of(
            DeadlineState.IN_PROGRESS_ON_TIME,
            "<path d=\"M6.16 4.6c1.114 0.734 1.84 1.979 1.84 3.394 0 0.002 0 0.004 0 0.006v-0c0-0.002 0-0.004 0-0.006 0-1.415 0.726-2.66 1.825-3.384 0.23-0.199 0.426-0.395 0.609-0.602l-4.874-0.007c0.19 0.214 0.386 0.41 0.593 0.594z\"/><path d=\"M11.18 6.060c1.107-0.808 1.819-2.101 1.82-3.56v-0.5h1v-2h-12v2h1v0.5c0.001 1.459 0.713 2.752 1.808 3.551 0.672 0.43 1.121 1.13 1.192 1.939-0.093 0.848-0.551 1.564-1.209 2.003-1.081 0.814-1.772 2.078-1.79 3.503l-0 0.503h-1v2h12v-2h-1v-0.5c-0.018-1.429-0.709-2.692-1.769-3.492-0.68-0.454-1.138-1.169-1.23-1.996 0.071-0.831 0.52-1.532 1.169-1.946zM9 8c0.072 1.142 0.655 2.136 1.519 2.763 0.877 0.623 1.445 1.61 1.481 2.732l0 0.505h-1.77c-0.7-0.87-1.71-2-2.23-2s-1.53 1.13-2.23 2h-1.77v-0.5c0.036-1.127 0.604-2.114 1.459-2.723 0.886-0.642 1.468-1.635 1.54-2.766-0.063-1.124-0.641-2.091-1.498-2.683-0.914-0.633-1.499-1.662-1.502-2.827v-0.5h8v0.5c-0.003 1.166-0.587 2.195-1.479 2.813-0.88 0.607-1.458 1.574-1.521 2.678z\"/>",
            DeadlineState.IN_PROGRESS_OVERDUE,
            "<path d=\"M8 0c-4.4 0-8 3.6-8 8s3.6 8 8 8 8-3.6 8-8-3.6-8-8-8zM9 13h-2v-2h2v2zM9 10h-2v-7h2v7z\"/>",
            DeadlineState.DONE_ON_TIME,
            "<path d=\"M7.3 14.2l-7.1-5.2 1.7-2.4 4.8 3.5 6.6-8.5 2.3 1.8z\"/>",
            DeadlineState.DONE_LATE,
            "<path d=\"M3 0h1v3h-1v-3z\"/><path d=\"M11 0h1v3h-1v-3z\"/><path d=\"M6.6 14h-5.6v-8h13v0.6c0.4 0.2 0.7 0.4 1 0.7v-6.3h-2v3h-3v-3h-5v3h-3v-3h-2v14h7.3c-0.3-0.3-0.5-0.6-0.7-1z\"/><path d=\"M14 12h-3v-3h1v2h2z\"/><path d=\"M11.5 8c1.9 0 3.5 1.6 3.5 3.5s-1.6 3.5-3.5 3.5-3.5-1.6-3.5-3.5 1.6-3.5 3.5-3.5zM11.5 7c-2.5 0-4.5 2-4.5 4.5s2 4.5 4.5 4.5 4.5-2 4.5-4.5-2-4.5-4.5-4.5v0z\"/>",
            DeadlineState.ONGOING,
            "<path d=\"M2.6 5.6c0.9-2.1 3-3.6 5.4-3.6 3 0 5.4 2.2 5.9 5h2c-0.5-3.9-3.8-7-7.9-7-3 0-5.6 1.6-6.9 4.1l-1.1-1.1v4h4l-1.4-1.4z\"/><path d=\"M16 9h-4.1l1.5 1.4c-0.9 2.1-3 3.6-5.5 3.6-2.9 0-5.4-2.2-5.9-5h-2c0.5 3.9 3.9 7 7.9 7 3 0 5.6-1.7 7-4.1l1.1 1.1v-4z\"/>");

    /** The icon of each state, so a cell never says its state by colour alone. */
    static Icon icon(DeadlineState state) {
        Icon icon = iconName(state).create();
        icon.addClassName("state-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    private static VaadinIcon iconName(DeadlineState state) {
        return switch (state) {
            case IN_PROGRESS_ON_TIME -> VaadinIcon.HOURGLASS;
            case IN_PROGRESS_OVERDUE -> VaadinIcon.EXCLAMATION_CIRCLE;
            case DONE_ON_TIME -> VaadinIcon.CHECK;
            case DONE_LATE -> VaadinIcon.CALENDAR_CLOCK;
            case ONGOING -> VaadinIcon.REFRESH;
        };
    }

    static String cssClass(DeadlineState state) {
        return "state-" + state.name().toLowerCase().replace('_', '-');
    }

    /** "Sở Nội vụ tỉnh Lâm Đồng" is "Lâm Đồng" in a column header, "Vụ Pháp chế" "Pháp chế"; English likewise. */
    static String shortName(String name) {
        return name.replaceFirst("^Sở Nội vụ (tỉnh|thành phố) ", "")
                .replaceFirst("^Vụ ", "")
                .replaceFirst(" (City )?Department of Home Affairs$", "")
                .replaceFirst("^Department of ", "");
    }

    /** The view's translations ({@code getTranslation}). */
    interface Texts {
        String get(String key, Object... params);
    }

    MatrixTable(Matrix matrix, boolean english, Texts t, Consumer<Cell> openList) {
        setId("dashboard-matrix");
        addClassName("matrix-scroll");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", t.get("dashboard.matrix"));
        getElement().setProperty("innerHTML", new Writer(english, t).table(matrix));

        Map<String, Cell> rolledUp = matrix.cells().entrySet().stream()
                .filter(e -> e.getValue().count() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        getElement()
                .addEventListener("click", e -> {
                    Cell cell = rolledUp.get(e.getEventData().getString(CLICKED));
                    if (cell != null) {
                        openList.accept(cell);
                    }
                })
                .addEventData(CLICKED)
                .setFilter("event.target.closest('button.cell-link') != null");
    }

    /** Writes the table's HTML; made for one drawing, so the text is not kept with the component. */
    private static final class Writer {

        private final boolean english;
        private final Texts t;
        private final StringBuilder html = new StringBuilder(64 * 1024);

        Writer(boolean english, Texts t) {
            this.english = english;
            this.t = t;
        }

        String table(Matrix matrix) {
            List<UnitColumn> departments = matrix.columns().stream()
                    .filter(c -> c.kind() != UnitKind.PROVINCE)
                    .toList();
            List<UnitColumn> provinces = matrix.columns().stream()
                    .filter(c -> c.kind() == UnitKind.PROVINCE)
                    .toList();
            List<UnitColumn> columns = new ArrayList<>(departments);
            columns.addAll(provinces);

            icons();
            html.append("<table class=\"matrix\"><thead><tr><th class=\"task-head\" rowspan=\"2\" scope=\"col\">")
                    .append(esc(t.get("dashboard.matrix.task")))
                    .append("</th>");
            group("dashboard.matrix.departments", departments.size());
            group("dashboard.matrix.provinces", provinces.size());
            html.append("</tr><tr>");
            for (UnitColumn c : columns) {
                html.append("<th class=\"unit-head\" scope=\"col\" title=\"")
                        .append(esc(c.name(english)))
                        .append("\"><span>")
                        .append(esc(shortName(c.name(english))))
                        .append("</span></th>");
            }
            html.append("</tr></thead><tbody>");
            for (TaskRow row : matrix.rows()) {
                String title = row.number() + ". " + row.title(english);
                String leader =
                        row.leaderName() == null ? "" : " – " + t.get("dashboard.matrix.leader", row.leaderName());
                html.append("<tr><th class=\"task-cell\" scope=\"row\" title=\"")
                        .append(esc(title + leader))
                        .append("\"><div class=\"task-inner\"><span class=\"task-no\">")
                        .append(row.number())
                        .append("</span><span class=\"task-name\">")
                        .append(esc(row.title(english)))
                        .append("</span></div></th>");
                for (UnitColumn c : columns) {
                    matrix.cell(row.id(), c.id())
                            .ifPresentOrElse(
                                    cell -> cell(cell, row, c), () -> html.append("<td class=\"empty\"></td>"));
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
            return html.toString();
        }

        /** The five state icons once, as SVG symbols the cells use: the same drawings as Vaadin's icons. */
        private void icons() {
            html.append("<svg class=\"matrix-icons\" aria-hidden=\"true\" width=\"0\" height=\"0\">");
            for (DeadlineState s : DeadlineState.values()) {
                html.append("<symbol id=\"matrix-")
                        .append(cssClass(s))
                        .append("\" viewBox=\"0 0 16 16\">")
                        .append(ICON_PATHS.get(s))
                        .append("</symbol>");
            }
            html.append("</svg>");
        }

        private void group(String key, int span) {
            if (span > 0) {
                html.append("<th class=\"group-head\" colspan=\"")
                        .append(span)
                        .append("\" scope=\"colgroup\"><span>")
                        .append(esc(t.get(key)))
                        .append("</span></th>");
            }
        }

        private void cell(Cell cell, TaskRow row, UnitColumn column) {
            String label = t.get(
                            "dashboard.cell.label",
                            row.number(),
                            column.name(english),
                            t.get(cell.worst().translationKey()),
                            cell.percent())
                    + (cell.count() > 1 ? " " + t.get("dashboard.cell.several", cell.count()) : "");
            String state = cssClass(cell.worst());
            html.append("<td class=\"").append(state).append("\">");
            if (cell.count() == 1) {
                html.append("<a router-link href=\"assignments/")
                        .append(cell.firstAssignmentId())
                        .append('"');
            } else {
                html.append("<button type=\"button\" data-cell=\"")
                        .append(Matrix.key(cell.taskId(), cell.unitId()))
                        .append('"');
            }
            html.append(" class=\"cell-link\" aria-label=\"")
                    .append(esc(label))
                    .append("\" title=\"")
                    .append(esc(label))
                    .append("\"><svg class=\"state-icon\" aria-hidden=\"true\"><use href=\"#matrix-")
                    .append(state)
                    .append("\"/></svg><span class=\"pct\">")
                    .append(cell.percent())
                    .append("%</span>");
            if (cell.count() == 1) {
                html.append("</a>");
            } else {
                html.append("<span class=\"count\">×").append(cell.count()).append("</span></button>");
            }
            html.append("</td>");
        }

        private static String esc(String s) {
            return SvgCharts.esc(s);
        }
    }
}
