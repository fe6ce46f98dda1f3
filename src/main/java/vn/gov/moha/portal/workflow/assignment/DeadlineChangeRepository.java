package vn.gov.moha.portal.workflow.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeadlineChangeRepository extends JpaRepository<DeadlineChange, Long> {

    @Query("select d from DeadlineChange d join fetch d.changedBy where d.assignment.id = :assignmentId "
            + "order by d.changedAt")
    List<DeadlineChange> findByAssignment(Long assignmentId);
}
