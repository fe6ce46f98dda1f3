package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * The deadline state as a coloured badge: green done on time, red overdue or late, blue in progress, grey for an
 * ongoing task (no deadline).
 */
class StateBadge extends Span {

    StateBadge(Assignment a) {
        DeadlineState state = a.state(LocalDate.now());
        setText(getTranslation(state.translationKey()));
        getElement().getThemeList().add(theme(state));
        addClassName(cssClass(state));
    }

    /** The badge's theme, also written by the text-only grid cells of AssignmentsView. */
    static String theme(DeadlineState state) {
        return switch (state) {
            case IN_PROGRESS_ON_TIME -> "badge";
            case IN_PROGRESS_OVERDUE -> "badge error";
            case DONE_ON_TIME -> "badge success";
            case DONE_LATE -> "badge error primary";
            case ONGOING -> "badge contrast";
        };
    }

    static String cssClass(DeadlineState state) {
        return "state-" + state.name().toLowerCase().replace('_', '-');
    }
}
