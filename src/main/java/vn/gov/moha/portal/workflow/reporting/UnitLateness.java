package vn.gov.moha.portal.workflow.reporting;

/** One lead unit's periodic reports over some periods: how many were sent late and how many are missing. */
public record UnitLateness(long unitId, String code, String nameVi, String nameEn, long late, long missing) {

    public long total() {
        return late + missing;
    }

    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }
}
