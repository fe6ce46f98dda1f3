package vn.gov.moha.portal.dashboard;

import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * What the dashboard shows: a programme year, optionally one task, one kind of unit, one leader in
 * charge, (for the matrix cells) one deadline state, and one reporting period ({@code periodKey} such
 * as 2026-M10 or 2026-Q3; null = the whole year as it stands today); {@code rollUp} groups the 2024
 * provinces under their successors of 1/7/2025. What the period means for each block is said in
 * {@link DashboardService}.
 */
public record DashboardFilter(
        int year,
        @Nullable Long taskId,
        @Nullable UnitKind kind,
        @Nullable Long leaderId,
        @Nullable DeadlineState state,
        boolean rollUp,
        @Nullable String periodKey) {

    public DashboardFilter(
            int year,
            @Nullable Long taskId,
            @Nullable UnitKind kind,
            @Nullable Long leaderId,
            @Nullable DeadlineState state,
            boolean rollUp) {
        this(year, taskId, kind, leaderId, state, rollUp, null);
    }

    public static DashboardFilter of(int year) {
        return new DashboardFilter(year, null, null, null, null, false, null);
    }

    public DashboardFilter withTask(Long id) {
        return new DashboardFilter(year, id, kind, leaderId, state, rollUp, periodKey);
    }

    public DashboardFilter withKind(UnitKind k) {
        return new DashboardFilter(year, taskId, k, leaderId, state, rollUp, periodKey);
    }

    public DashboardFilter withLeader(Long id) {
        return new DashboardFilter(year, taskId, kind, id, state, rollUp, periodKey);
    }

    public DashboardFilter withState(DeadlineState s) {
        return new DashboardFilter(year, taskId, kind, leaderId, s, rollUp, periodKey);
    }

    public DashboardFilter withRollUp(boolean on) {
        return new DashboardFilter(year, taskId, kind, leaderId, state, on, periodKey);
    }

    public DashboardFilter withPeriod(String key) {
        return new DashboardFilter(year, taskId, kind, leaderId, state, rollUp, key);
    }
}
