package vn.gov.moha.portal.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.AssignmentExports;

/** "Nhiệm vụ" as Excel: the assignments the caller's list shows for the filter, read through AssignmentService. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssignmentsExporter implements AssignmentExports {

    private final AssignmentService assignments;
    private final PagedSheet sheet;

    AssignmentsExporter(AssignmentService assignments, PagedSheet sheet) {
        this.assignments = assignments;
        this.sheet = sheet;
    }

    @Override
    public Download assignments(int year, Long taskId, String unitQuery, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        LocalDate today = LocalDate.now();
        long total = assignments.count(year, taskId, unitQuery);
        List<Xlsx.Column> columns = List.of(
                x.col("task.number", Xlsx.Type.INTEGER, 6),
                x.col("assignment.task", Xlsx.Type.TEXT, 60),
                x.col("assignment.leadUnit", Xlsx.Type.TEXT, 40),
                x.col("export.unitCode", Xlsx.Type.TEXT, 11),
                x.col("assignment.deadline", Xlsx.Type.DATE, 12),
                x.col("export.reportingPeriod", Xlsx.Type.TEXT, 14),
                x.col("export.percent", Xlsx.Type.PERCENT, 10),
                x.col("assignment.state", Xlsx.Type.TEXT, 28),
                x.col("export.completedOn", Xlsx.Type.DATE, 14),
                x.col("task.leader", Xlsx.Type.TEXT, 24),
                x.col("export.documentNumber", Xlsx.Type.TEXT, 18),
                x.col("export.documentDate", Xlsx.Type.DATE, 14));
        List<Object[]> filters = List.of(
                x.line("task.year", String.valueOf(year)),
                x.line("assignment.task", sheet.taskName(taskId, x)),
                x.line("export.filter.assignmentSearch", PagedSheet.blankAsAll(unitQuery, x)));
        return sheet.pages(
                new PagedSheet.Grid(x, "nav.assignments", "nhiem-vu", columns, filters),
                total,
                (offset, last) -> assignments.list(year, taskId, unitQuery, offset, PagedSheet.PAGE),
                (Assignment a) -> new Object[] {
                    a.getTask().getNumber(),
                    a.getTask().title(x.english()),
                    a.getLeadUnit().name(x.english()),
                    a.getLeadUnit().getCode(),
                    a.getDeadline(),
                    a.isOngoing() ? x.t(a.getReportingPeriod().translationKey()) : null,
                    a.getPercentComplete(),
                    x.t(a.state(today).translationKey()),
                    a.getCompletedOn(),
                    a.getLeader() == null ? null : a.getLeader().getFullName(),
                    a.getDocument() == null ? null : a.getDocument().getNumber(),
                    a.getDocument() == null ? null : a.getDocument().getIssuedOn()
                },
                progress);
    }
}
