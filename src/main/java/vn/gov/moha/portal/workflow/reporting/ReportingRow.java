package vn.gov.moha.portal.workflow.reporting;

import java.time.LocalDateTime;
import vn.gov.moha.portal.workflow.period.Period;

/**
 * One unit's reporting for one period of one ongoing assignment, as the database computed it.
 *
 * @param submittedAt when a report for the period was first sent; null when none was
 */
public record ReportingRow(
        Period period,
        long assignmentId,
        long taskId,
        int taskNumber,
        String taskTitleVi,
        String taskTitleEn,
        long unitId,
        String unitCode,
        String unitNameVi,
        String unitNameEn,
        PeriodStatus status,
        LocalDateTime submittedAt) {

    public String taskTitle(boolean english) {
        return english && taskTitleEn != null ? taskTitleEn : taskTitleVi;
    }

    public String unitName(boolean english) {
        return english && unitNameEn != null && !unitNameEn.isBlank() ? unitNameEn : unitNameVi;
    }
}
