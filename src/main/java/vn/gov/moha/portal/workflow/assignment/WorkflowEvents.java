package vn.gov.moha.portal.workflow.assignment;

import java.util.Set;
import vn.gov.moha.portal.security.Role;

/**
 * What happened in the workflow, published by the services inside the transaction of the action, so
 * that other features (notifications) can react in the same transaction without this package knowing
 * them. Ids only: a listener reads what it needs.
 */
public final class WorkflowEvents {

    private WorkflowEvents() {
    }

    /** Units newly given an assignment, as lead or coordinating unit. */
    public record Assigned(long assignmentId, Set<Long> unitIds, long actorId) {
    }

    /**
     * A report now waits at a step: the people with {@code role} (in {@code unitId}, or anywhere when
     * null) may decide it, except {@code notUserIds} (its submitter and who already decided this round).
     */
    public record ReportWaiting(long reportId, long assignmentId, int round, int step, Role role, Long unitId,
                                Set<Long> notUserIds) {
    }

    /** A report was returned, or accepted at its last step. */
    public record ReportDecided(long reportId, long assignmentId, long unitId, long authorId, int round,
                                boolean approved, long actorId) {
    }

    /** A leader approved or rejected an extension request of the lead unit {@code unitId}. */
    public record ExtensionDecided(long requestId, long assignmentId, long unitId, boolean approved, long actorId) {
    }
}
