package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.transfer.TransferFileService;
import vn.gov.moha.portal.workflow.transfer.TransferPreview;
import vn.gov.moha.portal.workflow.transfer.TransferRequest;
import vn.gov.moha.portal.workflow.transfer.TransferResult;
import vn.gov.moha.portal.workflow.transfer.UnitTransferService;

/**
 * ADMIN: ends a unit on a day and hands its open work to its successor (or several), after a preview that counts
 * what moves; below, the same for many units from a file. Reached from the units screen ("units/transfer?unit=ID").
 * Stable element ids for browser tests: transfer-unit, transfer-end-date, transfer-successor, transfer-more-successors,
 * transfer-preview, transfer-counts, transfer-moves, transfer-confirm, transfer-result (and the file panel's).
 */
@Route("units/transfer")
@RolesAllowed(Role.Names.ADMIN)
class UnitTransferView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final ComboBox<OrgUnit> unit = new ComboBox<>();
    final DatePicker endDate = Pickers.date("transfer.endDate");
    final ComboBox<OrgUnit> successor = new ComboBox<>();
    final MultiSelectComboBox<OrgUnit> moreSuccessors = new MultiSelectComboBox<>();
    final Button preview = new Button();
    final Button confirm = new Button();
    final Div counts = new Div();
    final Grid<TransferPreview.Move> moves = new Grid<>();
    final Paragraph result = new Paragraph();
    final TransferFilePanel filePanel;

    private final UnitTransferService service;
    private final FormErrors errors = new FormErrors();
    private final Map<Long, Long> choices = new HashMap<>();
    private final boolean english;
    private final List<OrgUnit> all;
    private @Nullable TransferPreview shown;

    UnitTransferView(UnitTransferService service, TransferFileService files, UnitService units) {
        this.service = service;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        this.all = units.all();
        addClassName("page");
        add(new Paragraph(getTranslation("transfer.intro")));

        unit.setId("transfer-unit");
        unit.setLabel(getTranslation("transfer.unit"));
        successor.setId("transfer-successor");
        successor.setLabel(getTranslation("transfer.successor"));
        moreSuccessors.setId("transfer-more-successors");
        moreSuccessors.setLabel(getTranslation("transfer.moreSuccessors"));
        moreSuccessors.setHelperText(getTranslation("transfer.moreSuccessors.help"));
        endDate.setId("transfer-end-date");
        endDate.setHelperText(getTranslation("transfer.endDate.help"));
        for (ComboBox<OrgUnit> box : List.of(unit, successor)) {
            box.setItems(all);
            box.setItemLabelGenerator(this::label);
            box.setClearButtonVisible(true);
            box.setWidthFull();
        }
        moreSuccessors.setItems(all);
        moreSuccessors.setItemLabelGenerator(this::label);
        moreSuccessors.setWidthFull();
        unit.addValueChangeListener(e -> {
            OrgUnit u = e.getValue();
            if (u != null && u.getValidTo() != null && endDate.isEmpty()) {
                endDate.setValue(u.getValidTo());
            }
            if (u != null && u.getSuccessor() != null && successor.isEmpty()) {
                successor.setValue(find(u.getSuccessor().getId()));
            }
            stale();
        });
        endDate.addValueChangeListener(e -> stale());
        successor.addValueChangeListener(e -> stale());
        moreSuccessors.addValueChangeListener(e -> stale());
        errors.field("unit", unit).field("endDate", endDate).field("successor", successor);

        FormLayout form = new FormLayout(unit, endDate, successor, moreSuccessors);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));

        preview.setId("transfer-preview");
        preview.setText(getTranslation("transfer.preview"));
        preview.addClickListener(e -> showPreview());
        confirm.setId("transfer-confirm");
        confirm.setText(getTranslation("transfer.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> confirm());
        counts.setId("transfer-counts");
        counts.addClassName("transfer-counts");
        moves.setId("transfer-moves");
        moves.addComponentColumn(this::taskCell)
                .setHeader(getTranslation("transfer.col.task"))
                .setFlexGrow(3);
        moves.addComponentColumn(this::target)
                .setHeader(getTranslation("transfer.col.to"))
                .setFlexGrow(2);
        var how = moves.addColumn(this::how)
                .setKey("how")
                .setHeader(getTranslation("transfer.col.how"))
                .setAutoWidth(true);
        var work = moves.addColumn(this::work)
                .setKey("work")
                .setHeader(getTranslation("transfer.col.work.header"))
                .setAutoWidth(true);
        // on a phone two columns, the task's cell saying how it goes and with what (no sideways scrolling)
        Responsive.onNarrow(moves, narrow -> List.of(how, work).forEach(c -> c.setVisible(!narrow)));
        moves.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        moves.setAllRowsVisible(true);
        moves.setVisible(false);
        result.setId("transfer-result");
        result.addClassName("transfer-result");

        VerticalLayout one = new VerticalLayout(
                new H3(getTranslation("transfer.one")), form, preview, counts, moves, confirm, result);
        one.addClassName("card");
        filePanel = new TransferFilePanel(files, english);
        add(one, filePanel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("unit").ifPresent(id -> {
            try {
                unit.setValue(find(Long.valueOf(id)));
            } catch (NumberFormatException ignored) {
                // an address typed by hand: the form stays empty
            }
        });
    }

    private @Nullable OrgUnit find(Long id) {
        return all.stream().filter(u -> u.getId().equals(id)).findFirst().orElse(null);
    }

    private String label(OrgUnit u) {
        return u.getCode() + " – " + u.name(english);
    }

    /**
     * The form as a request: the assignments given to another successor ({@code choices}), and every "more
     * successors" unit under a negative key that no assignment has, so the service checks it before it takes one.
     */
    private TransferRequest request() {
        Map<Long, Long> chosen = new HashMap<>(choices);
        for (OrgUnit u : moreSuccessors.getValue()) {
            chosen.putIfAbsent(-u.getId(), u.getId());
        }
        return new TransferRequest(
                unit.getValue() == null ? null : unit.getValue().getId(),
                endDate.getValue(),
                successor.getValue() == null ? null : successor.getValue().getId(),
                chosen);
    }

    /** A changed field makes the preview stale: it must be read again before confirming. */
    private void stale() {
        shown = null;
        confirm.setEnabled(false);
        choices.clear();
    }

    private void showPreview() {
        errors.clear();
        result.setText("");
        try {
            show(service.preview(request()));
        } catch (InvalidInputException ex) {
            errors.show(ex);
            stale();
            counts.removeAll();
            moves.setVisible(false);
        }
    }

    private void show(TransferPreview p) {
        shown = p;
        counts.removeAll();
        String key = p.nothingToDo() ? "transfer.nothing" : "transfer.summary";
        counts.add(
                new Paragraph(getTranslation(key, label(p.unit()), Formats.date(p.endDate()), label(p.successor()))));
        Div list = new Div();
        list.addClassName("transfer-count-list");
        addCount(list, "transfer-count-assignments", "transfer.count.assignments", p.openAssignments());
        addCount(list, "transfer-count-merged", "transfer.count.merged", (int) p.merged());
        addCount(list, "transfer-count-reports", "transfer.count.reports", p.openReports());
        addCount(list, "transfer-count-owed", "transfer.count.owed", p.owedReports());
        addCount(list, "transfer-count-extensions", "transfer.count.extensions", p.pendingExtensions());
        addCount(list, "transfer-count-coordinating", "transfer.count.coordinating", p.coordinatingRoles());
        addCount(list, "transfer-count-users", "transfer.count.users", p.users());
        counts.add(list, new Paragraph(getTranslation("transfer.usersDecision")));
        moves.setItems(p.moves());
        moves.setVisible(!p.moves().isEmpty());
        confirm.setEnabled(!p.nothingToDo());
    }

    private void addCount(Div list, String id, String key, int n) {
        Span item = new Span(getTranslation(key, n));
        item.setId(id);
        item.addClassName("transfer-count");
        list.add(item);
    }

    /** Who takes the assignment: the successor, or another one chosen from the "more successors". */
    /** The task, and on phones a second line with how it goes and its open work (their columns are hidden). */
    private Div taskCell(TransferPreview.Move m) {
        Span more = new Span(how(m) + " · " + work(m));
        more.addClassName("narrow-only");
        Div cell = new Div(new Span(m.taskNumber() + ". " + m.taskTitle(english)), more);
        cell.addClassName("cell-stack");
        return cell;
    }

    private String how(TransferPreview.Move m) {
        return getTranslation(m.mergeIntoId() == null ? "transfer.moved" : "transfer.merged");
    }

    private String work(TransferPreview.Move m) {
        return getTranslation("transfer.col.work", m.openReports(), m.owedReports(), m.pendingExtensions());
    }

    private com.vaadin.flow.component.Component target(TransferPreview.Move m) {
        if (shown == null || shown.successors().size() < 2) {
            return new Span(label(m.successor()));
        }
        Select<OrgUnit> to = new Select<>();
        to.setItems(shown.successors());
        to.setItemLabelGenerator(this::label);
        to.setValue(m.successor());
        to.setId("transfer-to-" + m.assignmentId());
        to.setWidthFull();
        to.setAriaLabel(getTranslation("transfer.col.to"));
        to.addValueChangeListener(e -> {
            choices.put(m.assignmentId(), e.getValue().getId());
            showPreview();
        });
        return to;
    }

    private void confirm() {
        TransferPreview p = shown;
        if (p == null) {
            return;
        }
        try {
            TransferResult r = service.confirm(request(), p.version());
            result.setText(resultText(this, r));
            Notifications.success(getTranslation("transfer.done.short"));
            confirm.setEnabled(false);
            shown = null;
        } catch (InvalidInputException ex) {
            errors.show(ex);
            confirm.setEnabled(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("transfer.title");
    }

    /** What a confirmed transfer did, in the reader's language (also the file panel's). */
    static String resultText(com.vaadin.flow.component.Component c, TransferResult r) {
        return c.getTranslation(
                r.changed() ? "transfer.done" : "transfer.noChange",
                r.movedAssignments(),
                r.mergedAssignments(),
                r.openReports(),
                r.pendingExtensions(),
                r.coordinatingRoles(),
                r.users());
    }
}
