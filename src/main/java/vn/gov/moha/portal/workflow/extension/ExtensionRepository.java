package vn.gov.moha.portal.workflow.extension;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExtensionRepository extends JpaRepository<ExtensionRequest, Long> {

    @Query("select e from ExtensionRequest e join fetch e.requestedBy left join fetch e.decidedBy "
            + "left join fetch e.document where e.assignment.id = :assignmentId order by e.requestedAt desc")
    List<ExtensionRequest> findByAssignment(Long assignmentId);

    boolean existsByAssignmentIdAndStatus(Long assignmentId, ExtensionRequest.Status status);

    /** Who decides: the assignment's leader, else its task's, else (neither set) any LEADER. */
    String IN_CHARGE =
            "(coalesce(a.leader.id, t.leader.id) = :userId " + "or (a.leader is null and t.leader is null)) ";

    /** The pending requests the person decides ({@link ExtensionService#inCharge}), not asked by them, oldest first. */
    @Query("select e from ExtensionRequest e join fetch e.assignment a join fetch a.task t join fetch a.leadUnit "
            + "join fetch e.requestedBy b where e.status = vn.gov.moha.portal.workflow.extension.ExtensionRequest.Status.PENDING "
            + "and b.id <> :userId and " + IN_CHARGE + "order by e.requestedAt")
    List<ExtensionRequest> findPendingFor(Long userId);

    /** How many {@link #findPendingFor} there are. */
    @Query("select count(e) from ExtensionRequest e join e.assignment a join a.task t "
            + "where e.status = vn.gov.moha.portal.workflow.extension.ExtensionRequest.Status.PENDING "
            + "and e.requestedBy.id <> :userId and " + IN_CHARGE)
    long countPendingFor(Long userId);

    @Query("select e from ExtensionRequest e join fetch e.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch a.leadUnit join fetch e.requestedBy where e.id = :id")
    Optional<ExtensionRequest> findWithDetails(Long id);
}
