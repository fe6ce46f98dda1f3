package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/**
 * Working days left to a dated, unfinished assignment's deadline ("còn 12 ngày làm việc"), or past
 * it. Only a hint next to the date: the deadline states still compare dates.
 */
final class DeadlineHint {

    private DeadlineHint() {}

    /** Empty for an ongoing or completed assignment; with a caveat when a year on the way has no calendar. */
    static String of(Component c, WorkingDays workingDays, Assignment a, LocalDate today, boolean withCaveat) {
        LocalDate deadline = a.getDeadline();
        if (deadline == null || a.getCompletedOn() != null) {
            return "";
        }
        String text;
        if (deadline.equals(today)) {
            text = c.getTranslation("calendar.left.today");
        } else if (deadline.isAfter(today)) {
            text = c.getTranslation("calendar.left", String.valueOf(workingDays.workingDaysBetween(today, deadline)));
        } else {
            int late = workingDays.workingDaysBetween(deadline, today);
            if (late <= 0) {
                return "";
            }
            text = c.getTranslation("calendar.left.overdue", String.valueOf(late));
        }
        List<Integer> missing = workingDays.yearsWithoutCalendar(today, deadline);
        if (withCaveat && !missing.isEmpty()) {
            text += " ("
                    + c.getTranslation(
                            "calendar.left.noCalendar",
                            missing.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    + ")";
        }
        return text;
    }

    /** "18/12/2026 · còn 12 ngày làm việc", or the date alone. */
    static String withDate(String date, String hint) {
        return hint.isEmpty() ? date : date + " · " + hint;
    }
}
