package vn.gov.moha.portal.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.dashboard.Figures.CellAssignment;
import vn.gov.moha.portal.dashboard.Figures.Headline;
import vn.gov.moha.portal.dashboard.Figures.LateUnit;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.dashboard.Figures.TaskState;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingService;
import vn.gov.moha.portal.workflow.reporting.UnitLateness;

/**
 * The leader dashboard's figures, computed by the database, each person's within what they may see.
 * What each block counts for a chosen period, and for whom: docs/decisions/0004-dashboard-figures.md.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class DashboardService {

    /** How many units the "most late" chart shows. */
    public static final int LATE_UNITS = 10;

    private final DashboardQueries queries;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final ReportingService reporting;
    private final ReportingPeriods periods;

    DashboardService(
            DashboardQueries queries,
            AssignmentAccess access,
            CurrentUser currentUser,
            ReportingService reporting,
            ReportingPeriods periods) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.reporting = reporting;
        this.periods = periods;
    }

    /**
     * Assignments by deadline state, reports waiting per approval step, open extension requests, units
     * that have not reported (3 statements: states and extensions together, waiting steps, not reported).
     */
    public Headline headline(DashboardFilter filter) {
        DashboardQueries.Scope scope = scope(filter.withState(null));
        DashboardQueries.StateCounts counts = queries.countByState(scope);
        return new Headline(
                counts.byState(),
                queries.waitingReports(scope),
                counts.openExtensions(),
                reporting.missing(reportingFilter(filter, true)));
    }

    /** The units with the most periodic reports sent late or missing (1 statement). */
    public List<UnitLateness> lateReports(DashboardFilter filter) {
        scope(filter);
        return reporting.lateByUnit(reportingFilter(filter, false), LATE_UNITS);
    }

    /**
     * The "Báo cáo định kỳ" filter matching the dashboard's: the chosen period, or without one "this
     * period" of each kind ({@code thisPeriod}) or every period of the year; the task filter.
     */
    ReportingFilter reportingFilter(DashboardFilter filter, boolean thisPeriod) {
        Optional<Period> period = period(filter);
        Long task = filter.taskId();
        if (period.isPresent()) {
            Period p = period.get();
            return new ReportingFilter(p.year(), p.kind(), p.key(), task, null, null);
        }
        ReportingFilter year = ReportingFilter.year(filter.year()).withTask(task);
        return thisPeriod ? year.lastDueOnly() : year.andLaterYears();
    }

    /**
     * The task x unit matrix (3 statements). Callers who see everything get every unit of the year
     * as a column unless {@code onlyUnitsWithCells}; everyone else only the units they have cells for.
     */
    public Matrix matrix(DashboardFilter filter, boolean onlyUnitsWithCells) {
        DashboardQueries.Scope scope = scope(filter);
        boolean allUnits = scope.visibility().all() && !onlyUnitsWithCells && filter.state() == null;
        return new Matrix(queries.rows(scope), queries.columns(scope, allUnits), queries.cells(scope));
    }

    /** The assignments behind one cell (a rolled-up cell holds those of the predecessors). */
    public List<CellAssignment> cellAssignments(DashboardFilter filter, long taskId, long unitId) {
        return queries.cellAssignments(scope(filter), taskId, unitId);
    }

    public List<TaskState> statesByTask(DashboardFilter filter) {
        return queries.statesByTask(scope(filter.withState(null)));
    }

    public List<ProgressPoint> progressByMonth(DashboardFilter filter) {
        return queries.progressByMonth(scope(filter.withState(null)));
    }

    public List<LateUnit> lateUnits(DashboardFilter filter) {
        return queries.lateUnits(scope(filter.withState(null)), LATE_UNITS);
    }

    private DashboardQueries.Scope scope(DashboardFilter filter) {
        if (filter == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        LocalDate today = LocalDate.now();
        LocalDate asOf =
                period(filter).map(p -> p.to().isBefore(today) ? p.to() : today).orElse(today);
        return new DashboardQueries.Scope(filter, access.visibility(currentUser.require()), today, asOf);
    }

    private Optional<Period> period(DashboardFilter filter) {
        if (filter == null || filter.periodKey() == null) {
            return Optional.empty();
        }
        return Optional.of(periods.byKey(filter.periodKey())
                .orElseThrow(() -> InvalidInputException.of("period", "error.notFound")));
    }
}
