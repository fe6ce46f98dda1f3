package vn.gov.moha.portal.workflow.adhoc;

/**
 * Where a unit's answer stands as the manager sees it: not sent (due date not passed), overdue (not sent and
 * the due date passed), sent (waiting for the manager), accepted, or returned for correction. A draft the
 * unit's head has not sent yet counts as not sent.
 */
public enum AdhocState {
    NOT_SENT("contrast"),
    OVERDUE("error"),
    SENT(""),
    ACCEPTED("success"),
    RETURNED("error primary");

    private final String badge;

    AdhocState(String badge) {
        this.badge = badge;
    }

    public String translationKey() {
        return "adhoc.state." + name();
    }

    /** The Lumo badge theme: "badge" plus its colour. */
    public String theme() {
        return ("badge " + badge).strip();
    }
}
