package vn.gov.moha.portal.workflow.report;

/** How the unit rates its chances, kept apart from the percentage. */
public enum Confidence {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK;

    public String translationKey() {
        return "confidence." + name();
    }
}
