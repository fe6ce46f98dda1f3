package vn.gov.moha.portal.workflow.adhoc;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdhocAnswerRepository extends JpaRepository<AdhocAnswer, Long> {

    @Query("select a from AdhocAnswer a join fetch a.request r join fetch r.dept join fetch a.unit where a.id = :id")
    Optional<AdhocAnswer> findWithDetails(Long id);

    @Query("select a from AdhocAnswer a join fetch a.unit where a.request.id = :requestId order by a.unit.code")
    List<AdhocAnswer> findByRequest(Long requestId);

    /**
     * A unit's answers in one or two statuses (second null for one), the earliest due first. Two values, not a
     * collection: Hibernate caches no plan for a statement with a collection parameter and would translate it anew at
     * every call; "my work" and the menu's count ask at every navigation (docs/benchmarks.md, issue 20).
     */
    @Query("select a from AdhocAnswer a join fetch a.request r join fetch a.unit where a.unit.id = :unitId "
            + "and a.status in (:status, :orStatus) order by r.dueDate, r.id")
    List<AdhocAnswer> findOfUnit(long unitId, AdhocAnswer.Status status, AdhocAnswer.@Nullable Status orStatus);

    /** A unit's answers to the given requests. */
    @Query("select a from AdhocAnswer a join fetch a.unit where a.unit.id = :unitId and a.request.id in :requestIds")
    List<AdhocAnswer> findOfUnitTo(long unitId, Collection<Long> requestIds);

    /** How many {@link #findOfUnit} returns. */
    @Query("select count(a) from AdhocAnswer a where a.unit.id = :unitId and a.status in (:status, :orStatus)")
    long countOfUnit(long unitId, AdhocAnswer.Status status, AdhocAnswer.@Nullable Status orStatus);

    /** The sent answers waiting for a department's managers, the earliest sent first. */
    @Query("select a from AdhocAnswer a join fetch a.request r join fetch a.unit where r.dept.id = :deptId "
            + "and a.status = vn.gov.moha.portal.workflow.adhoc.AdhocAnswer.Status.SENT order by a.sentAt, a.id")
    List<AdhocAnswer> findSentToDept(long deptId);

    @Query("select count(a) from AdhocAnswer a where a.request.dept.id = :deptId "
            + "and a.status = vn.gov.moha.portal.workflow.adhoc.AdhocAnswer.Status.SENT")
    long countSentToDept(long deptId);
}
