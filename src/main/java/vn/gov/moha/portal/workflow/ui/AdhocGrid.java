package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocState;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Summary;

/**
 * The ad hoc and thematic requests a person sees, with where each asked unit stands (a unit's staff see only
 * their own unit's answer); a row opens the request. On the "Báo cáo đột xuất, chuyên đề" screen and as a tab
 * of "Báo cáo định kỳ".
 */
class AdhocGrid extends Grid<Summary> {

    AdhocGrid() {
        var request = addComponentColumn(this::requestCell)
                .setHeader(getTranslation("adhoc.title"))
                .setKey("request")
                .setFlexGrow(3);
        var due = addColumn(s -> Formats.date(s.request().getDueDate()))
                .setHeader(getTranslation("adhoc.due"))
                .setKey("due")
                .setAutoWidth(true)
                .setFlexGrow(0);
        var state = addComponentColumn(this::statesCell)
                .setHeader(getTranslation("adhoc.states"))
                .setKey("states")
                .setFlexGrow(2);
        Responsive.onNarrow(this, narrow -> List.of(due, state).forEach(c -> c.setVisible(!narrow)));
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText(getTranslation("adhoc.none"));
        addItemClickListener(
                e -> UI.getCurrent().navigate("adhoc/" + e.getItem().request().getId()));
        addClassName("adhoc-grid");
    }

    /**
     * Shows the requests the person sees a page at a time from the database, as the assignment list does;
     * counted once here, as the grid asks for its size again on every scroll. Returns the count.
     */
    long load(AdhocService service) {
        long total = service.countSummaries();
        setItems(q -> service.summaries(q.getOffset(), q.getLimit()).stream(), q -> (int) total);
        return total;
    }

    /** The kind over the subject; on a phone also the due date and the states, as their columns are hidden. */
    private Div requestCell(Summary s) {
        Span kind = new Span(getTranslation(s.request().getKind().translationKey()));
        kind.addClassName("cell-note");
        Span more = new Span(
                getTranslation("adhoc.due") + " " + Formats.date(s.request().getDueDate()));
        more.addClassName("cell-note");
        more.addClassName("narrow-only");
        Div states = statesCell(s);
        states.addClassName("narrow-only");
        return stack(kind, new Span(s.request().getTitle()), more, states);
    }

    /** A badge per state that has units ("Đã gửi: 3"), or the caller's own unit's state alone. */
    private Div statesCell(Summary s) {
        Div cell = new Div();
        cell.addClassName("adhoc-states");
        AdhocAnswer mine = s.mine();
        if (mine != null && s.asked() == 1) {
            cell.add(badge(mine.state(LocalDate.now()), null));
            if (mine.getStatus() == AdhocAnswer.Status.DRAFTED) {
                Span note = new Span(getTranslation("adhoc.drafted"));
                note.addClassName("cell-note");
                cell.add(note);
            }
            return cell;
        }
        s.counts().forEach((st, n) -> {
            if (n > 0) {
                cell.add(badge(st, n));
            }
        });
        return cell;
    }

    static Span badge(AdhocState state, @Nullable Long count) {
        Span badge = new Span();
        badge.setText(badge.getTranslation(state.translationKey()) + (count == null ? "" : ": " + count));
        badge.getElement().getThemeList().add(state.theme());
        badge.addClassName("adhoc-state");
        badge.addClassName("adhoc-" + state.name().toLowerCase().replace('_', '-'));
        return badge;
    }

    private static Div stack(Component... parts) {
        Div cell = new Div(parts);
        cell.addClassName("cell-stack");
        return cell;
    }
}
