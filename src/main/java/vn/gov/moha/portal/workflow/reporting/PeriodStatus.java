package vn.gov.moha.portal.workflow.reporting;

/**
 * Whether a unit reported for a period: sent on or before the due date, sent after it, not sent and
 * the due date has passed, or not sent while the due date has not come yet. A report counts as sent
 * from the first time it was submitted (a later return and resubmission does not make it late).
 */
public enum PeriodStatus {
    ON_TIME,
    LATE,
    MISSING,
    NOT_DUE;

    public String translationKey() {
        return "period.status." + name();
    }

    /** Badge theme: green on time, light red late, solid red missing, grey not yet due. */
    public String theme() {
        return switch (this) {
            case ON_TIME -> "badge success";
            case LATE -> "badge error";
            case MISSING -> "badge error primary";
            case NOT_DUE -> "badge contrast";
        };
    }
}
