package vn.gov.moha.portal.workflow.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * Periodic reporting of ongoing assignments (Decree 09/2019/NĐ-CP): for each period, which lead
 * units reported on time, late, or not at all, computed by the database. Leaders, managers and
 * ADMIN see every unit; a unit's head and officers see their own unit only; anyone else nothing.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReportingService {

    private final ReportingQueries queries;
    private final ReportingPeriods periods;
    private final AssignmentService assignments;
    private final CurrentUser currentUser;

    ReportingService(
            ReportingQueries queries,
            ReportingPeriods periods,
            AssignmentService assignments,
            CurrentUser currentUser) {
        this.queries = queries;
        this.periods = periods;
        this.assignments = assignments;
        this.currentUser = currentUser;
    }

    /** One page of rows for the filter, newest period first, then task and unit. */
    public List<ReportingRow> rows(ReportingFilter filter, int offset, int limit) {
        LocalDate today = LocalDate.now();
        return queries.rows(periodsOf(filter, today), criteria(filter), today, offset, limit);
    }

    /** How many rows of each status the filter selects (all four statuses, 0 when none). */
    public Map<PeriodStatus, Long> counts(ReportingFilter filter) {
        LocalDate today = LocalDate.now();
        return queries.counts(periodsOf(filter, today), criteria(filter), today);
    }

    /**
     * Reports missing for the filter's periods (with {@link ReportingFilter#lastDueOnly()}: "this
     * period" of each kind): how many lead units, how many reports, which periods. One statement; the
     * status of the filter is ignored (missing is the status).
     */
    public MissingReports missing(ReportingFilter filter) {
        LocalDate today = LocalDate.now();
        List<Period> of = periodsOf(filter, today);
        long[] n = queries.missing(of, criteria(filter == null ? null : filter.withStatus(null)), today);
        return new MissingReports(n[0], n[1], of);
    }

    /** The lead units with the most reports sent late or missing over the filter's periods, at most {@code limit}. */
    public List<UnitLateness> lateByUnit(ReportingFilter filter, int limit) {
        LocalDate today = LocalDate.now();
        return queries.lateByUnit(
                periodsOf(filter, today),
                criteria(filter == null ? null : filter.withStatus(null)),
                today,
                Math.max(1, Math.min(limit, 100)));
    }

    /**
     * Every period an ongoing assignment owes a report for, up to the one open today, newest first,
     * with its status; empty for a dated assignment. Refused or missing assignments fail as "not found".
     */
    public List<ReportingRow> ofAssignment(Long assignmentId) {
        return rowsOf(assignments.require(assignmentId));
    }

    /** {@link #ofAssignment} of an assignment the caller got from {@link AssignmentService#find} (checked there). */
    @PreAuthorize("isAuthenticated()")
    public List<ReportingRow> rowsOf(Assignment a) {
        if (!a.isOngoing()) {
            return List.of();
        }
        LocalDate today = LocalDate.now();
        List<Period> owed =
                periods.owedBy(a.getReportingPeriod(), a.getCreatedAt().toLocalDate(), a.getCompletedOn(), today);
        return queries.rows(
                owed, new ReportingQueries.Criteria(null, a.getId(), null, null, null), today, 0, owed.size());
    }

    /** The periods of the year (of one kind, or all) whose data window has begun by that day. */
    List<Period> periodsOf(ReportingFilter filter, LocalDate today) {
        if (filter == null || filter.year() < 1) {
            return List.of();
        }
        if (filter.lastDue()) {
            // "this period" is now's, whatever the programme year: a year's tasks may run on after it
            return java.util.Arrays.stream(ReportingPeriod.values())
                    .filter(k -> filter.kind() == null || filter.kind() == k)
                    .map(k -> periods.previous(periods.dueNext(k, today)))
                    .sorted(Comparator.comparing(Period::to))
                    .toList();
        }
        List<Period> all = new java.util.ArrayList<>();
        for (int y = filter.year();
                y <= (filter.onward() ? Math.max(filter.year(), today.getYear()) : filter.year());
                y++) {
            all.addAll(filter.kind() == null ? periods.ofYear(y) : periods.ofYear(filter.kind(), y));
        }
        return all.stream()
                .filter(p -> filter.periodKey() == null || p.key().equals(filter.periodKey()))
                .filter(p -> !p.from().isAfter(today))
                .sorted(Comparator.comparing(Period::to))
                .toList();
    }

    private ReportingQueries.Criteria criteria(ReportingFilter filter) {
        if (filter == null) {
            return ReportingQueries.Criteria.all();
        }
        PortalUser me = currentUser.require();
        boolean all = me.has(Role.LEADER) || me.has(Role.ADMIN);
        return new ReportingQueries.Criteria(
                all || me.has(Role.MANAGER) ? null : unitScope(me),
                null,
                filter.taskId(),
                SearchText.fold(filter.unitQuery()),
                filter.status(),
                !all && me.has(Role.MANAGER) ? (me.unitId() == null ? -1L : me.unitId()) : null);
    }

    /**
     * Who sees which rows, as for the assignments themselves: leaders and ADMIN every unit; a manager
     * the tasks their department owns (departmentId); a unit's staff their unit; anyone else none (-1).
     */
    private static Long unitScope(PortalUser me) {
        if ((me.has(Role.UNIT_HEAD) || me.has(Role.UNIT_OFFICER)) && me.unitId() != null) {
            return me.unitId();
        }
        return -1L;
    }
}
