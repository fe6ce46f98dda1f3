package vn.gov.moha.portal.workflow.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContributionRepository extends JpaRepository<Contribution, Long> {

    @Query("select c from Contribution c join fetch c.unit join fetch c.author where c.assignment.id = :assignmentId "
            + "order by c.createdAt")
    List<Contribution> findByAssignment(Long assignmentId);
}
