package vn.gov.moha.portal.workflow.assignment;

import org.springframework.stereotype.Component;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;

/**
 * Who sees and changes what, in one place: leaders and ADMIN see everything; a MANAGER sees the
 * assignments of the tasks their department owns; a unit's staff see the assignments their unit
 * leads or coordinates, and only the lead unit's officers write its reports.
 */
@Component
public class AssignmentAccess {

    /**
     * The rows a person may see, as query parameters; -1 matches no unit. Public so that other
     * features' queries (the dashboard's) apply exactly this rule.
     */
    public record Visibility(boolean all, long deptId, long unitId) {}

    public Visibility visibility(PortalUser user) {
        boolean all = user.has(Role.LEADER) || user.has(Role.ADMIN);
        long unit = user.unitId() == null ? -1 : user.unitId();
        return new Visibility(
                all,
                user.has(Role.MANAGER) ? unit : -1,
                user.has(Role.UNIT_OFFICER) || user.has(Role.UNIT_HEAD) ? unit : -1);
    }

    public boolean canSee(PortalUser user, Assignment a) {
        return user.has(Role.LEADER)
                || user.has(Role.ADMIN)
                || manages(user, a.getTask())
                || ((user.has(Role.UNIT_OFFICER) || user.has(Role.UNIT_HEAD)) && a.involves(user.unitId()));
    }

    /** A MANAGER of the ministry department that owns the task. */
    boolean manages(PortalUser user, PriorityTask task) {
        return user.has(Role.MANAGER)
                && user.unitId() != null
                && user.unitId().equals(task.getLeadUnit().getId());
    }

    /** An officer of the lead unit, who writes and submits its reports. */
    public boolean reportsFor(PortalUser user, Assignment a) {
        return user.has(Role.UNIT_OFFICER)
                && user.unitId() != null
                && user.unitId().equals(a.getLeadUnit().getId());
    }

    /** Staff of the lead unit (officer or head), who may ask for an extension. */
    public boolean leads(PortalUser user, Assignment a) {
        return (user.has(Role.UNIT_OFFICER) || user.has(Role.UNIT_HEAD))
                && user.unitId() != null
                && user.unitId().equals(a.getLeadUnit().getId());
    }
}
