package vn.gov.moha.portal.workflow.transfer;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.period.ReportedMonths;

/**
 * The SQL of a transfer: what an ended unit still holds, and moving it, in the caller's transaction (the secured
 * {@link UnitTransferService}). Plain statements that H2 and PostgreSQL both run; every row it changes gets a new
 * version, so a screen holding the old one is told on its next save.
 */
@Component
class TransferWork {

    private final EntityManager em;
    private final ReportedMonths reportedMonths;

    TransferWork(EntityManager em, ReportedMonths reportedMonths) {
        this.em = em;
        this.reportedMonths = reportedMonths;
    }

    List<OrgUnit> units() {
        return em.createQuery("select u from OrgUnit u left join fetch u.successor", OrgUnit.class)
                .getResultList();
    }

    /** The unit's open assignments as lead unit (done ones stay with it and roll up as before). */
    List<Assignment> openLedBy(Long unitId) {
        return em.createQuery(
                        "select a from Assignment a join fetch a.task t where a.leadUnit.id = :unit"
                                + " and a.completedOn is null and a.mergedIntoId is null order by t.year, t.number",
                        Assignment.class)
                .setParameter("unit", unitId)
                .getResultList();
    }

    /** The successor's own assignment of the task, which an ended unit's one becomes one with; null if none. */
    @Nullable
    Long sameTask(Long taskId, Long unitId) {
        List<?> ids = em.createNativeQuery("select id from assignment where task_id = :task and lead_unit_id = :unit"
                        + " and merged_into_id is null")
                .setParameter("task", taskId)
                .setParameter("unit", unitId)
                .getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    int openReports(Long assignmentId) {
        return count(
                "select count(*) from progress_report where assignment_id = :id and status <> 'APPROVED'",
                assignmentId);
    }

    int pendingExtensions(Long assignmentId) {
        return count(
                "select count(*) from extension_request where assignment_id = :id and status = 'PENDING'",
                assignmentId);
    }

    /** Open assignments the unit coordinates (đơn vị phối hợp). */
    int coordinatingRoles(Long unitId) {
        return count(
                "select count(*) from assignment_coordinator c join assignment a on a.id = c.assignment_id"
                        + " where c.unit_id = :id and a.completed_on is null and a.merged_into_id is null",
                unitId);
    }

    List<AppUser> usersOf(Long unitId) {
        return em.createQuery("select u from AppUser u where u.unit.id = :unit order by u.username", AppUser.class)
                .setParameter("unit", unitId)
                .getResultList();
    }

    /** The assignment changes lead unit; its open reports go with it to the successor, at the step they were. */
    void move(Long assignmentId, Long from, Long to) {
        Map<String, Object> p = Map.of("a", assignmentId, "from", from, "to", to);
        update("delete from assignment_coordinator where assignment_id = :a and unit_id = :to", p);
        update("update assignment set lead_unit_id = :to, version = version + 1 where id = :a", p);
        update(
                "update progress_report set unit_id = :to, version = version + 1"
                        + " where assignment_id = :a and unit_id = :from and status <> 'APPROVED'",
                p);
        reportedMonths.refresh(assignmentId);
    }

    /**
     * The ended unit's assignment becomes one with the successor's ({@code into}): its reports (the accepted ones
     * under the ended unit's name, the open ones now the successor's, at the step they were), extension requests,
     * deadline changes and contributions move there, its coordinating units join, and the row stays as history,
     * marked merged.
     */
    void merge(Long assignmentId, Long into, Long from, Long to) {
        Map<String, Object> p = Map.of("a", assignmentId, "into", into, "from", from, "to", to);
        update(
                "update progress_report set assignment_id = :into, version = version + 1,"
                        + " unit_id = case when status = 'APPROVED' then unit_id else :to end where assignment_id = :a",
                p);
        update("update extension_request set assignment_id = :into, version = version + 1 where assignment_id = :a", p);
        update("update deadline_change set assignment_id = :into where assignment_id = :a", p);
        update("update contribution set assignment_id = :into where assignment_id = :a", p);
        update(
                "insert into assignment_coordinator (assignment_id, unit_id) select :into, c.unit_id"
                        + " from assignment_coordinator c where c.assignment_id = :a and c.unit_id <> :to"
                        + " and c.unit_id <> :from and not exists (select 1 from assignment_coordinator d"
                        + " where d.assignment_id = :into and d.unit_id = c.unit_id)"
                        + " and not exists (select 1 from assignment b where b.id = :into and b.lead_unit_id = c.unit_id)",
                p);
        update("update assignment set merged_into_id = :into, version = version + 1 where id = :a", p);
        reportedMonths.refresh(into);
        reportedMonths.refresh(assignmentId);
    }

    /** Open assignments the unit coordinates: the successor coordinates them instead (once); their ids. */
    List<Long> moveCoordination(Long from, Long to) {
        List<Long> ids = ((List<?>) em.createNativeQuery("select c.assignment_id from assignment_coordinator c"
                                + " join assignment a on a.id = c.assignment_id where c.unit_id = :from"
                                + " and a.completed_on is null and a.merged_into_id is null order by c.assignment_id")
                        .setParameter("from", from)
                        .getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
        for (Long id : ids) {
            Map<String, Object> p = Map.of("a", id, "from", from, "to", to);
            update(
                    "delete from assignment_coordinator where assignment_id = :a and unit_id = :from"
                            + " and (exists (select 1 from assignment b where b.id = :a and b.lead_unit_id = :to)"
                            + " or exists (select 1 from assignment_coordinator d where d.assignment_id = :a"
                            + " and d.unit_id = :to))",
                    p);
            update("update assignment_coordinator set unit_id = :to where assignment_id = :a and unit_id = :from", p);
        }
        return ids;
    }

    private void update(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                q.setParameter(name, value);
            }
        });
        q.executeUpdate();
    }

    private int count(String sql, Long id) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", id).getSingleResult()).intValue();
    }
}
