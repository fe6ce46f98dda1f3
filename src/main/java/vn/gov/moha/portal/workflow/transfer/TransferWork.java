package vn.gov.moha.portal.workflow.transfer;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        indicatorsOfOpenReports(assignmentId, into);
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

    /**
     * The values of the ended assignment's open reports are re-pointed at the surviving assignment's indicators, so
     * its report form shows them and its next save keeps them: each at the survivor's indicator of the same name and
     * unit of measure (case and spaces aside), each survivor's indicator taken once. An indicator the survivor lacks
     * and an open report has a value for is added to the survivor (same name, unit and target). Accepted reports keep
     * their values on the ended assignment's indicators, as they were accepted.
     */
    private void indicatorsOfOpenReports(Long assignmentId, Long into) {
        List<Object[]> ended = indicators(assignmentId);
        Set<Long> taken = new HashSet<>();
        for (Object[] old : ended) {
            Long oldId = ((Number) old[0]).longValue();
            boolean valued = count(
                            "select count(*) from indicator_value v join progress_report r on r.id = v.report_id"
                                    + " where r.assignment_id = :a and r.status <> 'APPROVED' and v.indicator_id = :id",
                            Map.of("a", assignmentId, "id", oldId))
                    > 0;
            if (!valued) {
                continue;
            }
            Long match = indicators(into).stream()
                    .filter(k -> sameIndicator(k, old) && !taken.contains(((Number) k[0]).longValue()))
                    .map(k -> ((Number) k[0]).longValue())
                    .findFirst()
                    .orElseGet(() -> {
                        update(
                                "insert into indicator (assignment_id, position, name, unit_of_measure, target)"
                                        + " select :into, coalesce((select max(position) from indicator"
                                        + " where assignment_id = :into), 0) + 1, name, unit_of_measure, target"
                                        + " from indicator where id = :old",
                                Map.of("into", into, "old", oldId));
                        return ((Number) em.createNativeQuery(
                                                "select max(id) from indicator where assignment_id = :into")
                                        .setParameter("into", into)
                                        .getSingleResult())
                                .longValue();
                    });
            taken.add(match);
            update(
                    "update indicator_value set indicator_id = :to where indicator_id = :old and report_id in"
                            + " (select id from progress_report where assignment_id = :a and status <> 'APPROVED')",
                    Map.of("a", assignmentId, "old", oldId, "to", match));
        }
    }

    /** An assignment's indicators as rows: id, name, unit of measure, in their order. */
    private List<Object[]> indicators(Long assignmentId) {
        return ((List<?>) em.createNativeQuery("select id, name, unit_of_measure from indicator"
                                + " where assignment_id = :a order by position, id")
                        .setParameter("a", assignmentId)
                        .getResultList())
                .stream().map(Object[].class::cast).toList();
    }

    private static boolean sameIndicator(Object[] a, Object[] b) {
        return key(a[1]).equals(key(b[1])) && key(a[2]).equals(key(b[2]));
    }

    private static String key(Object text) {
        return String.valueOf(text).strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
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
        return count(sql, Map.of("id", id));
    }

    private int count(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).intValue();
    }
}
