package vn.gov.moha.portal.workflow.report;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.workflow.period.Period;

/**
 * The periods a report of an ongoing assignment may be filed under, newest first (every period the
 * assignment owes up to the one open today: an earlier one is a late report), and the one suggested:
 * the period whose report is due next, or the open one when that was already sent.
 */
public record PeriodChoices(List<Period> options, @Nullable Period suggested) {

    public static final PeriodChoices NONE = new PeriodChoices(List.of(), null);
}
