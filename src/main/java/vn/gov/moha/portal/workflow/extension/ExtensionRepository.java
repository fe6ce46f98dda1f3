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

    @Query("select e from ExtensionRequest e join fetch e.assignment a join fetch a.task join fetch a.leadUnit "
            + "join fetch e.requestedBy where e.status = vn.gov.moha.portal.workflow.extension.ExtensionRequest.Status.PENDING "
            + "order by e.requestedAt")
    List<ExtensionRequest> findPending();

    /** How many of {@link #findPending} were asked by someone else than the person. */
    @Query("select count(e) from ExtensionRequest e join e.assignment a join a.task join a.leadUnit "
            + "join e.requestedBy b where e.status = vn.gov.moha.portal.workflow.extension.ExtensionRequest.Status.PENDING "
            + "and b.id <> :userId")
    long countPendingNotBy(Long userId);

    @Query("select e from ExtensionRequest e join fetch e.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch a.leadUnit join fetch e.requestedBy where e.id = :id")
    Optional<ExtensionRequest> findWithDetails(Long id);
}
