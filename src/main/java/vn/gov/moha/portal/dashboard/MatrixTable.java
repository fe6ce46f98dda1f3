package vn.gov.moha.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Consumer;
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
 */
class MatrixTable extends Div {

    /** The icon of each state, so a cell never says its state by colour alone. */
    static Icon icon(DeadlineState state) {
        Icon icon = switch (state) {
            case IN_PROGRESS_ON_TIME -> VaadinIcon.HOURGLASS.create();
            case IN_PROGRESS_OVERDUE -> VaadinIcon.EXCLAMATION_CIRCLE.create();
            case DONE_ON_TIME -> VaadinIcon.CHECK.create();
            case DONE_LATE -> VaadinIcon.CALENDAR_CLOCK.create();
            case ONGOING -> VaadinIcon.REFRESH.create();
        };
        icon.addClassName("state-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
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

    MatrixTable(Matrix matrix, boolean english, Consumer<Cell> openList) {
        setId("dashboard-matrix");
        addClassName("matrix-scroll");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("dashboard.matrix"));
        NativeTable table = new NativeTable();
        table.addClassName("matrix");
        List<UnitColumn> departments = matrix.columns().stream()
                .filter(c -> c.kind() != UnitKind.PROVINCE)
                .toList();
        List<UnitColumn> provinces = matrix.columns().stream()
                .filter(c -> c.kind() == UnitKind.PROVINCE)
                .toList();
        List<UnitColumn> columns = new java.util.ArrayList<>(departments);
        columns.addAll(provinces);

        NativeTableRow groups = table.getHead().addRow();
        NativeTableHeaderCell corner = groups.addHeaderCell();
        corner.setText(getTranslation("dashboard.matrix.task"));
        corner.addClassName("task-head");
        corner.getElement().setAttribute("rowspan", "2");
        corner.getElement().setAttribute("scope", "col");
        if (!departments.isEmpty()) {
            group(groups, "dashboard.matrix.departments", departments.size());
        }
        if (!provinces.isEmpty()) {
            group(groups, "dashboard.matrix.provinces", provinces.size());
        }
        NativeTableRow names = table.getHead().addRow();
        for (UnitColumn c : columns) {
            NativeTableHeaderCell th = names.addHeaderCell();
            th.addClassName("unit-head");
            th.getElement().setAttribute("scope", "col");
            th.getElement().setAttribute("title", c.name(english));
            Span text = new Span(shortName(c.name(english)));
            th.add(text);
        }

        for (TaskRow row : matrix.rows()) {
            NativeTableRow tr = table.getBody().addRow();
            NativeTableHeaderCell th = tr.addHeaderCell();
            th.addClassName("task-cell");
            th.getElement().setAttribute("scope", "row");
            String title = row.number() + ". " + row.title(english);
            th.getElement()
                    .setAttribute(
                            "title",
                            title
                                    + (row.leaderName() == null
                                            ? ""
                                            : " – " + getTranslation("dashboard.matrix.leader", row.leaderName())));
            Span number = new Span(String.valueOf(row.number()));
            number.addClassName("task-no");
            Span name = new Span(row.title(english));
            name.addClassName("task-name");
            Div inner = new Div(number, name);
            inner.addClassName("task-inner");
            th.add(inner);
            for (UnitColumn c : columns) {
                NativeTableCell td = tr.addDataCell();
                matrix.cell(row.id(), c.id())
                        .ifPresentOrElse(
                                cell -> fill(td, cell, row, c, english, openList), () -> td.addClassName("empty"));
            }
        }
        add(table);
    }

    private void group(NativeTableRow row, String key, int span) {
        NativeTableHeaderCell th = row.addHeaderCell();
        th.add(new Span(getTranslation(key)));
        th.addClassName("group-head");
        th.getElement().setAttribute("colspan", String.valueOf(span));
        th.getElement().setAttribute("scope", "colgroup");
    }

    private void fill(
            NativeTableCell td, Cell cell, TaskRow row, UnitColumn column, boolean english, Consumer<Cell> openList) {
        td.addClassName(cssClass(cell.worst()));
        String label = getTranslation(
                        "dashboard.cell.label",
                        row.number(),
                        column.name(english),
                        getTranslation(cell.worst().translationKey()),
                        cell.percent())
                + (cell.count() > 1 ? " " + getTranslation("dashboard.cell.several", cell.count()) : "");
        Span percent = new Span(cell.percent() + "%");
        percent.addClassName("pct");
        Component link;
        if (cell.count() == 1) {
            Anchor a = new Anchor("assignments/" + cell.firstAssignmentId(), icon(cell.worst()), percent);
            a.getElement().setAttribute("router-link", "");
            link = a;
        } else {
            Span count = new Span("×" + cell.count());
            count.addClassName("count");
            NativeButton b = new NativeButton("", e -> openList.accept(cell));
            b.add(icon(cell.worst()), percent, count);
            link = b;
        }
        link.addClassName("cell-link");
        link.getElement().setAttribute("aria-label", label);
        link.getElement().setAttribute("title", label);
        link.getElement().setAttribute("data-task", String.valueOf(cell.taskId()));
        link.getElement().setAttribute("data-unit", String.valueOf(cell.unitId()));
        td.add(link);
    }
}
