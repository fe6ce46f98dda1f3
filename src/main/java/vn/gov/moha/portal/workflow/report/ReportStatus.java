package vn.gov.moha.portal.workflow.report;

/** Where a progress report is: being written, travelling up the chain, sent back, or accepted. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    public String translationKey() {
        return "report.status." + name();
    }

    /** The lead unit may still change a draft or a returned report. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
