package vn.gov.moha.portal.workflow.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    String VISIBLE = " where t.year = :year and a.mergedIntoId is null"
            + " and (:taskId is null or t.id = :taskId)"
            + " and (:all = true or t.leadUnit.id = :deptId or l.id = :unitId"
            + "      or exists (select c.id from Assignment a2 join a2.coordinators c where a2 = a and c.id = :unitId))"
            + " and (:search = '' or l.searchText like concat('%', :search, '%') escape '\\'"
            + "      or d.numberSearch like concat('%', :search, '%') escape '\\')";

    /**
     * One page of the assignments a person may see; deptId/unitId are -1 when they do not apply. The search
     * matches the lead unit's name or the assigning document's số/ký hiệu, folded.
     */
    @Query("select a from Assignment a join fetch a.task t join fetch a.leadUnit l left join fetch a.document d"
            + VISIBLE
            + " order by t.number, l.code")
    List<Assignment> findVisible(
            int year, Long taskId, boolean all, long deptId, long unitId, String search, Pageable page);

    @Query("select count(a) from Assignment a join a.task t join a.leadUnit l left join a.document d" + VISIBLE)
    long countVisible(int year, Long taskId, boolean all, long deptId, long unitId, String search);

    @Query("select a from Assignment a join fetch a.task t join fetch t.leadUnit join fetch a.leadUnit "
            + "left join fetch a.leader left join fetch a.coordinators left join fetch a.document where a.id = :id")
    Optional<Assignment> findWithDetails(Long id);

    /**
     * The event log's entries about one assignment, oldest first (read here, behind the visibility check): what was
     * done to it. Refused accesses (another unit's officer opening its address, ...) are the administrator's
     * business, in "Nhật ký hệ thống", not part of the task's history that its unit and managers read.
     */
    @Query("select e from EventLogEntry e where (e.assignmentId = :assignmentId or e.assignmentId in"
            + " (select m.id from Assignment m where m.mergedIntoId = :assignmentId))"
            + " and e.action <> 'ACCESS_REFUSED' order by e.id")
    List<vn.gov.moha.portal.audit.EventLogEntry> history(Long assignmentId);

    boolean existsByTaskIdAndLeadUnitId(Long taskId, Long leadUnitId);

    @Query("select a.leadUnit.id from Assignment a where a.task.id = :taskId")
    java.util.Set<Long> leadUnitIdsOf(Long taskId);

    @Query("select a from Assignment a join fetch a.task t join fetch a.leadUnit l where l.id = :unitId "
            + "and a.completedOn is null and a.mergedIntoId is null order by t.year desc, t.number")
    List<Assignment> findOpenLedBy(Long unitId);
}
