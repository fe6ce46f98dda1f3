package vn.gov.moha.portal.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.SummaryExports;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/**
 * The leader's PDF summary of the dashboard ({@link SummaryPdf}): headline, matrix, overdue assignments and
 * the reports missing or late for the period now reported on, all read as the caller.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SummaryExporter implements SummaryExports {

    private final DashboardService dashboard;
    private final ReportingService reporting;
    private final ReportingPeriods periods;
    private final CurrentUser currentUser;
    private final PagedSheet sheet;

    SummaryExporter(
            DashboardService dashboard,
            ReportingService reporting,
            ReportingPeriods periods,
            CurrentUser currentUser,
            PagedSheet sheet) {
        this.dashboard = dashboard;
        this.reporting = reporting;
        this.periods = periods;
        this.currentUser = currentUser;
        this.sheet = sheet;
    }

    @Override
    @PreAuthorize("hasAnyRole('LEADER', 'MANAGER', 'UNIT_HEAD', 'UNIT_OFFICER')")
    public Download summary(DashboardFilter filter, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        p.rows(0, 4);
        Figures.Headline headline = dashboard.headline(filter);
        Matrix matrix = dashboard.matrix(filter, true);
        p.rows(1, 4);
        List<SummaryPdf.Overdue> overdue = overdue(filter, matrix, x);
        p.rows(2, 4);
        // the period now reported on: of each kind, the last one whose due date has passed (of the tasks shown)
        Set<Long> shown = new HashSet<>(matrix.rows().stream().map(TaskRow::id).toList());
        List<Period> lastDue = lastDuePeriods(LocalDate.now());
        List<ReportingRow> lateReports = new ArrayList<>();
        for (Period period : lastDue) {
            for (PeriodStatus s : List.of(PeriodStatus.MISSING, PeriodStatus.LATE)) {
                reporting
                        .rows(
                                new ReportingFilter(
                                        period.year(), period.kind(), period.key(), filter.taskId(), s, null),
                                0,
                                10_000)
                        .stream()
                        .filter(r -> shown.contains(r.taskId()))
                        .forEach(lateReports::add);
            }
        }
        lateReports.sort(Comparator.comparing((ReportingRow r) -> r.period().due())
                .reversed()
                .thenComparing(ReportingRow::taskNumber)
                .thenComparing(ReportingRow::unitCode));
        p.rows(3, 4);
        byte[] pdf = new SummaryPdf(x, MatrixExporter.ordered(matrix.columns()))
                .write(
                        headline,
                        matrix,
                        overdue,
                        lateReports,
                        sheet.scope(x),
                        sheet.describe(x, filter),
                        LocalDateTime.now(),
                        sheet.who(),
                        lastDue.stream().map(period -> period.label(x.locale())).collect(Collectors.joining(", ")));
        p.rows(4, 4);
        return new Download(
                PagedSheet.fileName("bao-cao-tong-hop", "pdf"), Download.PDF, pdf, overdue.size() + lateReports.size());
    }

    /** The overdue assignments behind the matrix's overdue cells, by task, the longest overdue first. */
    private List<SummaryPdf.Overdue> overdue(DashboardFilter filter, Matrix matrix, Texts x) {
        List<SummaryPdf.Overdue> overdue = new ArrayList<>();
        DashboardFilter late = filter.withState(DeadlineState.IN_PROGRESS_OVERDUE);
        for (Figures.Cell cell : matrix.cells().values()) {
            if (cell.states().getOrDefault(DeadlineState.IN_PROGRESS_OVERDUE, 0) == 0) {
                continue;
            }
            TaskRow task = matrix.rows().stream()
                    .filter(t -> t.id() == cell.taskId())
                    .findFirst()
                    .orElseThrow();
            for (Figures.CellAssignment a : dashboard.cellAssignments(late, cell.taskId(), cell.unitId())) {
                overdue.add(new SummaryPdf.Overdue(
                        task,
                        a.unitName(x.english()),
                        a.deadline(),
                        ChronoUnit.DAYS.between(a.deadline(), LocalDate.now()),
                        a.percent(),
                        a.documentNumber() == null
                                ? null
                                : x.t("document.line", a.documentNumber(), Formats.date(a.documentIssuedOn()))));
            }
        }
        overdue.sort(Comparator.comparingInt((SummaryPdf.Overdue o) -> o.task().number())
                .thenComparing(SummaryPdf.Overdue::days, Comparator.reverseOrder()));
        return overdue;
    }

    /** Of each kind of period, the last one due before today (this year's or, early in a year, last year's). */
    private List<Period> lastDuePeriods(LocalDate today) {
        List<Period> list = new ArrayList<>();
        for (ReportingPeriod kind : ReportingPeriod.values()) {
            Stream.concat(
                            periods.ofYear(kind, today.getYear() - 1).stream(),
                            periods.ofYear(kind, today.getYear()).stream())
                    .filter(period -> period.due().isBefore(today))
                    .max(Comparator.comparing(Period::due))
                    .ifPresent(list::add);
        }
        return list;
    }

    @Override
    public boolean canTakeSummary() {
        PortalUser me = currentUser.require();
        return me.has(Role.LEADER) || me.has(Role.MANAGER) || me.has(Role.UNIT_HEAD) || me.has(Role.UNIT_OFFICER);
    }
}
