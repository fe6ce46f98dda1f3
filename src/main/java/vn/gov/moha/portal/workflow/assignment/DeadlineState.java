package vn.gov.moha.portal.workflow.assignment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The four states the Government Office counts (Decision 42/2014/QĐ-TTg): in progress on time or
 * overdue, done on time or late, always against the current deadline; done is judged by the day the unit
 * sent the accepted report ({@link Assignment#getCompletedOn}), the deadline day itself still on time. An
 * ongoing assignment (thường xuyên) has no deadline, so none of the four: it is counted as its own group,
 * {@link #ONGOING}, finished or not, never as on time (issue 17).
 */
public enum DeadlineState {
    IN_PROGRESS_ON_TIME,
    IN_PROGRESS_OVERDUE,
    DONE_ON_TIME,
    DONE_LATE,
    ONGOING;

    /** The four states that have a deadline, in the order the dashboard and exports show them. */
    public static final List<DeadlineState> DATED =
            List.of(IN_PROGRESS_ON_TIME, IN_PROGRESS_OVERDUE, DONE_ON_TIME, DONE_LATE);

    public static DeadlineState of(@Nullable LocalDate deadline, @Nullable LocalDate completedOn, LocalDate today) {
        if (deadline == null) {
            return ONGOING;
        }
        if (completedOn != null) {
            return !completedOn.isAfter(deadline) ? DONE_ON_TIME : DONE_LATE;
        }
        return !today.isAfter(deadline) ? IN_PROGRESS_ON_TIME : IN_PROGRESS_OVERDUE;
    }

    public String translationKey() {
        return "state." + name();
    }

    public boolean isDone() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }
}
