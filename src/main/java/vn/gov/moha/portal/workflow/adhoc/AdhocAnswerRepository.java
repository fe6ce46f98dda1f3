package vn.gov.moha.portal.workflow.adhoc;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdhocAnswerRepository extends JpaRepository<AdhocAnswer, Long> {

    @Query("select a from AdhocAnswer a join fetch a.request r join fetch r.dept join fetch a.unit where a.id = :id")
    Optional<AdhocAnswer> findWithDetails(Long id);

    @Query("select a from AdhocAnswer a join fetch a.unit where a.request.id = :requestId order by a.unit.code")
    List<AdhocAnswer> findByRequest(Long requestId);

    /** A unit's answers in the given statuses, the earliest due first. */
    @Query("select a from AdhocAnswer a join fetch a.request r join fetch a.unit where a.unit.id = :unitId "
            + "and a.status in :statuses order by r.dueDate, r.id")
    List<AdhocAnswer> findOfUnit(long unitId, Collection<AdhocAnswer.Status> statuses);

    /** A unit's answers to the given requests. */
    @Query("select a from AdhocAnswer a join fetch a.unit where a.unit.id = :unitId and a.request.id in :requestIds")
    List<AdhocAnswer> findOfUnitTo(long unitId, Collection<Long> requestIds);

    @Query("select count(a) from AdhocAnswer a where a.unit.id = :unitId and a.status in :statuses")
    long countOfUnit(long unitId, Collection<AdhocAnswer.Status> statuses);

    /** The sent answers waiting for a department's managers, the earliest sent first. */
    @Query("select a from AdhocAnswer a join fetch a.request r join fetch a.unit where r.dept.id = :deptId "
            + "and a.status = vn.gov.moha.portal.workflow.adhoc.AdhocAnswer.Status.SENT order by a.sentAt, a.id")
    List<AdhocAnswer> findSentToDept(long deptId);

    @Query("select count(a) from AdhocAnswer a where a.request.dept.id = :deptId "
            + "and a.status = vn.gov.moha.portal.workflow.adhoc.AdhocAnswer.Status.SENT")
    long countSentToDept(long deptId);
}
