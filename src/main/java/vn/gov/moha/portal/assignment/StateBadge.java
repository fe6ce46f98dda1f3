package vn.gov.moha.portal.assignment;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;

/** The deadline state as a coloured badge: green done on time, red overdue or late, blue in progress. */
class StateBadge extends Span {

    StateBadge(Assignment a) {
        DeadlineState state = a.state(LocalDate.now());
        setText(getTranslation(state.translationKey()));
        String theme = switch (state) {
            case IN_PROGRESS_ON_TIME -> "badge";
            case IN_PROGRESS_OVERDUE -> "badge error";
            case DONE_ON_TIME -> "badge success";
            case DONE_LATE -> "badge error primary";
        };
        getElement().getThemeList().add(theme);
        addClassName("state-" + state.name().toLowerCase().replace('_', '-'));
    }
}
