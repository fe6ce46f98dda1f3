package vn.gov.moha.portal.workflow.assignment;

import java.time.LocalDate;

/**
 * The four states the Government Office counts (Decision 42/2014/QĐ-TTg): in progress on time or
 * overdue, done on time or late, always against the current deadline. An ongoing assignment has no
 * deadline and is never overdue.
 */
public enum DeadlineState {
    IN_PROGRESS_ON_TIME,
    IN_PROGRESS_OVERDUE,
    DONE_ON_TIME,
    DONE_LATE;

    public static DeadlineState of(LocalDate deadline, LocalDate completedOn, LocalDate today) {
        if (completedOn != null) {
            return deadline == null || !completedOn.isAfter(deadline) ? DONE_ON_TIME : DONE_LATE;
        }
        return deadline == null || !today.isAfter(deadline) ? IN_PROGRESS_ON_TIME : IN_PROGRESS_OVERDUE;
    }

    public String translationKey() {
        return "state." + name();
    }

    public boolean isDone() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }
}
