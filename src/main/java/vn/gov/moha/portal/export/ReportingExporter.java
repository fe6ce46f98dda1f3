package vn.gov.moha.portal.export;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.ReportingExports;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/** "Báo cáo định kỳ" as Excel: the rows of the filter, read through ReportingService (which narrows unit staff). */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReportingExporter implements ReportingExports {

    private final ReportingService reporting;
    private final ReportingPeriods periods;
    private final PagedSheet sheet;

    ReportingExporter(ReportingService reporting, ReportingPeriods periods, PagedSheet sheet) {
        this.reporting = reporting;
        this.periods = periods;
        this.sheet = sheet;
    }

    @Override
    public Download reporting(ReportingFilter filter, Locale locale, Download.Progress progress) {
        if (filter == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        Texts x = sheet.texts(locale);
        var counts = reporting.counts(filter.withStatus(null));
        long total = filter.status() == null
                ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(filter.status(), 0L);
        List<Xlsx.Column> columns = List.of(
                x.col("reporting.period", Xlsx.Type.TEXT, 22),
                x.col("export.dataFrom", Xlsx.Type.DATE, 12),
                x.col("export.dataTo", Xlsx.Type.DATE, 12),
                x.col("reporting.due", Xlsx.Type.DATE, 12),
                x.col("task.number", Xlsx.Type.INTEGER, 6),
                x.col("reporting.task", Xlsx.Type.TEXT, 55),
                x.col("reporting.unit", Xlsx.Type.TEXT, 40),
                x.col("export.unitCode", Xlsx.Type.TEXT, 11),
                x.col("reporting.status", Xlsx.Type.TEXT, 18),
                x.col("reporting.submittedAt", Xlsx.Type.DATE_TIME, 17));
        List<Object[]> filters = List.of(
                x.line("task.year", String.valueOf(filter.year())),
                x.line(
                        "reporting.kind",
                        filter.kind() == null
                                ? x.t("reporting.allKinds")
                                : x.t(filter.kind().translationKey())),
                x.line("reporting.period", periodName(filter, x)),
                x.line(
                        "reporting.status",
                        filter.status() == null
                                ? x.t("reporting.allStatuses")
                                : x.t(filter.status().translationKey())),
                x.line("reporting.task", sheet.taskName(filter.taskId(), x)),
                x.line("export.filter.unitSearch", PagedSheet.blankAsAll(filter.unitQuery(), x)));
        return sheet.pages(
                new PagedSheet.Grid(x, "nav.reporting", "bao-cao-dinh-ky", columns, filters),
                total,
                (offset, last) -> reporting.rows(filter, offset, PagedSheet.PAGE),
                (ReportingRow r) -> new Object[] {
                    r.period().label(x.locale()),
                    r.period().from(),
                    r.period().to(),
                    r.period().due(),
                    r.taskNumber(),
                    r.taskTitle(x.english()),
                    r.unitName(x.english()),
                    r.unitCode(),
                    x.t(r.status().translationKey()),
                    r.submittedAt()
                },
                progress);
    }

    private String periodName(ReportingFilter f, Texts x) {
        if (f.periodKey() == null || f.kind() == null) {
            return x.t("reporting.allPeriods");
        }
        return periods.ofYear(f.kind(), f.year()).stream()
                .filter(p -> p.key().equals(f.periodKey()))
                .findFirst()
                .map(p -> p.label(x.locale()))
                .orElse(f.periodKey());
    }
}
