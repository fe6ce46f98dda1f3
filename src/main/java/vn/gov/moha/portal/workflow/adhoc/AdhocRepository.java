package vn.gov.moha.portal.workflow.adhoc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Requests, as the rule of {@link AdhocService} lets a person see them: all, their department's, or their unit's. */
interface AdhocRepository extends JpaRepository<AdhocRequest, Long> {

    String VISIBLE = " where :all = true or r.dept.id = :deptId"
            + " or exists (select 1 from AdhocAnswer a where a.request = r and a.unit.id = :unitId)";

    /** One page of the requests a person sees, the latest due first; deptId/unitId are -1 when they do not apply. */
    @Query("select r from AdhocRequest r join fetch r.dept join fetch r.createdBy" + VISIBLE
            + " order by r.dueDate desc, r.id desc")
    List<AdhocRequest> findVisible(boolean all, long deptId, long unitId, Pageable page);

    @Query("select count(r) from AdhocRequest r" + VISIBLE)
    long countVisible(boolean all, long deptId, long unitId);

    @Query("select r from AdhocRequest r join fetch r.dept join fetch r.createdBy where r.id = :id")
    Optional<AdhocRequest> findWithDetails(Long id);

    /** Per request and stored status, how many answers (ids as given). */
    @Query("select a.request.id, a.status, count(a) from AdhocAnswer a where a.request.id in :ids "
            + "group by a.request.id, a.status")
    List<Object[]> countByStatus(List<Long> ids);

    /**
     * The late answers of the requests due in [from, to] that a person sees: not sent with the due date passed
     * (first), sent for the first time after it (second).
     */
    @Query("select coalesce(sum(case when a.firstSentAt is null and r.dueDate < :today then 1 else 0 end), 0), "
            + "coalesce(sum(case when cast(a.firstSentAt as LocalDate) > r.dueDate then 1 else 0 end), 0) "
            + "from AdhocAnswer a join a.request r where r.dueDate between :from and :to "
            + "and (:all = true or r.dept.id = :deptId or a.unit.id = :unitId)")
    List<Object[]> lateness(LocalDate from, LocalDate to, LocalDate today, boolean all, long deptId, long unitId);
}
