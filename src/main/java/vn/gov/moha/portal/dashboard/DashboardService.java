package vn.gov.moha.portal.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.assignment.AssignmentAccess;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.dashboard.Figures.CellAssignment;
import vn.gov.moha.portal.dashboard.Figures.Headline;
import vn.gov.moha.portal.dashboard.Figures.LateUnit;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.dashboard.Figures.TaskState;
import vn.gov.moha.portal.security.CurrentUser;

/**
 * The leader dashboard's figures, all computed by the database. Everyone logged in may ask; each
 * person gets the figures of the assignments they may see (the same rule as the assignment list):
 * leaders and ADMIN everything, a MANAGER the tasks their department owns, a unit's staff the
 * assignments their unit leads or coordinates. The scope comes from the logged-in user, never from
 * the screen.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** How many units the "most late" chart shows. */
    public static final int LATE_UNITS = 10;

    private final DashboardQueries queries;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;

    DashboardService(DashboardQueries queries, AssignmentAccess access, CurrentUser currentUser) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** Assignments by deadline state, reports waiting per approval step, open extension requests (3 statements). */
    @PreAuthorize("isAuthenticated()")
    public Headline headline(DashboardFilter filter) {
        DashboardQueries.Scope scope = scope(filter.withState(null));
        // units that have not reported this period: filled in once reporting periods exist (issue #5)
        return new Headline(queries.countByState(scope), queries.waitingReports(scope),
                queries.openExtensions(scope), Optional.empty());
    }

    /**
     * The task x unit matrix (3 statements). Callers who see everything get every unit of the year
     * as a column unless {@code onlyUnitsWithCells}; everyone else only the units they have cells for.
     */
    @PreAuthorize("isAuthenticated()")
    public Matrix matrix(DashboardFilter filter, boolean onlyUnitsWithCells) {
        DashboardQueries.Scope scope = scope(filter);
        boolean allUnits = scope.visibility().all() && !onlyUnitsWithCells && filter.state() == null;
        return new Matrix(queries.rows(scope), queries.columns(scope, allUnits), queries.cells(scope));
    }

    /** The assignments behind one cell (a rolled-up cell holds those of the predecessors). */
    @PreAuthorize("isAuthenticated()")
    public List<CellAssignment> cellAssignments(DashboardFilter filter, long taskId, long unitId) {
        return queries.cellAssignments(scope(filter), taskId, unitId);
    }

    @PreAuthorize("isAuthenticated()")
    public List<TaskState> statesByTask(DashboardFilter filter) {
        return queries.statesByTask(scope(filter.withState(null)));
    }

    @PreAuthorize("isAuthenticated()")
    public List<ProgressPoint> progressByMonth(DashboardFilter filter) {
        return queries.progressByMonth(scope(filter.withState(null)));
    }

    @PreAuthorize("isAuthenticated()")
    public List<LateUnit> lateUnits(DashboardFilter filter) {
        return queries.lateUnits(scope(filter.withState(null)), LATE_UNITS);
    }

    private DashboardQueries.Scope scope(DashboardFilter filter) {
        if (filter == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        return new DashboardQueries.Scope(filter, access.visibility(currentUser.require()), LocalDate.now());
    }
}
