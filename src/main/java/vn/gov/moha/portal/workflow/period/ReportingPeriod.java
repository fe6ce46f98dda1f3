package vn.gov.moha.portal.workflow.period;

/** Reporting periods of the government reporting regime (Decree 09/2019/NĐ-CP) for ongoing assignments. */
public enum ReportingPeriod {
    MONTHLY,
    QUARTERLY,
    SEMIANNUAL,
    ANNUAL;

    public String translationKey() {
        return "period." + name();
    }
}
