package vn.gov.moha.portal.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.report.ApprovalStep;
import vn.gov.moha.portal.workflow.reporting.MissingReports;

/** The dashboard's figures as the database computed them; plain values for the screen. */
public final class Figures {

    private Figures() {}

    /**
     * Severity of a state, worst last: a rolled-up cell shows its worst assignment (an ongoing one, without a
     * deadline, ranks between done on time and in progress on time). The database
     * computes this rank (see {@link DashboardQueries#RANK}); here it is only named.
     */
    static final List<DeadlineState> BY_SEVERITY = List.of(
            DeadlineState.DONE_ON_TIME,
            DeadlineState.ONGOING,
            DeadlineState.IN_PROGRESS_ON_TIME,
            DeadlineState.DONE_LATE,
            DeadlineState.IN_PROGRESS_OVERDUE);

    static DeadlineState state(Number rank) {
        return BY_SEVERITY.get(rank.intValue() - 1);
    }

    static int rank(DeadlineState state) {
        return state == null ? 0 : BY_SEVERITY.indexOf(state) + 1;
    }

    /**
     * The headline: assignments by deadline state, reports waiting at each approval step, open
     * extension requests, and the units whose periodic report is missing for "this period" (or the chosen one).
     */
    public record Headline(
            Map<DeadlineState, Long> byState,
            List<WaitingStep> waiting,
            long openExtensions,
            MissingReports notReported) {

        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(DeadlineState state) {
            return byState.getOrDefault(state, 0L);
        }

        public long waitingTotal() {
            return waiting.stream().mapToLong(WaitingStep::count).sum();
        }

        static Map<DeadlineState, Long> emptyStates() {
            Map<DeadlineState, Long> m = new EnumMap<>(DeadlineState.class);
            for (DeadlineState s : DeadlineState.values()) {
                m.put(s, 0L);
            }
            return m;
        }
    }

    /** Reports waiting at one step of one chain; the role is null if the step no longer exists. */
    public record WaitingStep(ApprovalStep.Chain chain, int step, Role role, long count) {}

    /** A row of the matrix: a priority task. */
    public record TaskRow(long id, int number, String titleVi, String titleEn, String leaderName) {

        public String title(boolean english) {
            return english ? titleEn : titleVi;
        }
    }

    /** A column of the matrix: a unit (in roll-up, a province of 2025 standing for its predecessors). */
    public record UnitColumn(long id, String code, String nameVi, String nameEn, UnitKind kind) {

        public String name(boolean english) {
            return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
        }
    }

    /**
     * One cell: the assignments of a task held by a unit (several when rolled up): how many, the
     * worst state, the average percent complete, how many in each state, and the assignment to open
     * when there is one.
     */
    public record Cell(
            long taskId,
            long unitId,
            int count,
            DeadlineState worst,
            int percent,
            long firstAssignmentId,
            Map<DeadlineState, Integer> states) {}

    /** The whole matrix: rows, columns, and the cells that hold assignments. */
    public record Matrix(List<TaskRow> rows, List<UnitColumn> columns, Map<String, Cell> cells) {

        public Optional<Cell> cell(long taskId, long unitId) {
            return Optional.ofNullable(cells.get(key(taskId, unitId)));
        }

        static String key(long taskId, long unitId) {
            return taskId + ":" + unitId;
        }
    }

    /** An assignment behind a cell, for the list a rolled-up cell opens. */
    public record CellAssignment(
            long id,
            String unitCode,
            String unitNameVi,
            String unitNameEn,
            int percent,
            DeadlineState state,
            LocalDate deadline,
            @Nullable String documentNumber,
            @Nullable LocalDate documentIssuedOn) {

        public String unitName(boolean english) {
            return english && unitNameEn != null && !unitNameEn.isBlank() ? unitNameEn : unitNameVi;
        }
    }

    /** A task's average percent complete as reported up to the end of a month. */
    public record ProgressPoint(long taskId, YearMonth month, int percent) {}

    /** How many of a task's assignments are in a state. */
    public record TaskState(long taskId, DeadlineState state, long count) {}

    /** A unit with overdue or late-finished assignments. */
    public record LateUnit(String code, String nameVi, String nameEn, long overdue, long doneLate) {

        public String name(boolean english) {
            return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
        }
    }
}
