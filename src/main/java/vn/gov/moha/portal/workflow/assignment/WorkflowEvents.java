package vn.gov.moha.portal.workflow.assignment;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.security.Role;

/**
 * What happened in the workflow, published by the services inside the transaction of the action, so
 * that other features (notifications) can react in the same transaction without this package knowing
 * them. Each event carries what its listeners show ({@link About}), so they read no workflow table.
 */
public final class WorkflowEvents {

    private WorkflowEvents() {}

    /**
     * The assignment an event is about, as the action left it: its task's number, its lead unit's
     * Vietnamese name and its deadline (null when ongoing).
     */
    public record About(long assignmentId, int taskNumber, String leadUnitName, LocalDate deadline) {

        public static About of(Assignment a) {
            return new About(a.getId(), a.getTask().getNumber(), a.getLeadUnit().getNameVi(), a.getDeadline());
        }
    }

    /** Units newly given an assignment, as lead or coordinating unit. */
    public record Assigned(About assignment, Set<Long> unitIds, long actorId) {}

    /**
     * A report now waits at a step: the people with {@code role} (in {@code unitId}, or anywhere when
     * null) may decide it, except {@code notUserIds} (its submitter and who already decided this round).
     */
    public record ReportWaiting(
            long reportId, About assignment, int round, int step, Role role, Long unitId, Set<Long> notUserIds) {}

    /** A report was returned, or accepted at its last step. */
    public record ReportDecided(
            long reportId, About assignment, long unitId, long authorId, int round, boolean approved, long actorId) {}

    /**
     * The lead unit asked for an extension: the leader in charge decides it ({@code leaderId}), any LEADER when the
     * assignment has none (null); never the person who asked ({@code actorId}).
     */
    public record ExtensionWaiting(
            long requestId, About assignment, @Nullable Long leaderId, long actorId) {}

    /** A leader approved or rejected an extension request of the lead unit {@code unitId}. */
    public record ExtensionDecided(long requestId, About assignment, long unitId, boolean approved, long actorId) {}

    /** A manager asked units ({@code unitIds}) for an ad hoc or thematic report due on {@code due}. */
    public record AdhocAsked(long requestId, String title, LocalDate due, Set<Long> unitIds, long actorId) {}

    /**
     * A unit's head sent its answer ({@code round} 1 the first time): the managers of the asking department
     * ({@code deptId}) are told.
     */
    public record AdhocSent(
            long requestId, long answerId, String title, String unitName, int round, long deptId, long actorId) {}

    /** A manager accepted or returned a unit's answer: the unit's staff are told. */
    public record AdhocDecided(
            long requestId, long answerId, String title, long unitId, int round, boolean accepted, long actorId) {}
}
