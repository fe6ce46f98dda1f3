package vn.gov.moha.portal.dashboard;

import vn.gov.moha.portal.assignment.DeadlineState;
import vn.gov.moha.portal.unit.UnitKind;

/**
 * What the dashboard shows: a programme year, optionally one task, one kind of unit, one leader in
 * charge and (for the matrix cells) one deadline state; {@code rollUp} groups the 2024 provinces
 * under their successors of 1/7/2025. A reporting period joins here once periods exist (issue #5).
 */
public record DashboardFilter(int year, Long taskId, UnitKind kind, Long leaderId, DeadlineState state,
                              boolean rollUp) {

    public static DashboardFilter of(int year) {
        return new DashboardFilter(year, null, null, null, null, false);
    }

    public DashboardFilter withTask(Long id) {
        return new DashboardFilter(year, id, kind, leaderId, state, rollUp);
    }

    public DashboardFilter withKind(UnitKind k) {
        return new DashboardFilter(year, taskId, k, leaderId, state, rollUp);
    }

    public DashboardFilter withLeader(Long id) {
        return new DashboardFilter(year, taskId, kind, id, state, rollUp);
    }

    public DashboardFilter withState(DeadlineState s) {
        return new DashboardFilter(year, taskId, kind, leaderId, s, rollUp);
    }

    public DashboardFilter withRollUp(boolean on) {
        return new DashboardFilter(year, taskId, kind, leaderId, state, on);
    }
}
