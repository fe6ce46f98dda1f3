package vn.gov.moha.portal.workflow.report;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DecisionRepository extends JpaRepository<ApprovalDecision, Long> {

    @Query("select d from ApprovalDecision d join fetch d.decidedBy where d.report.id = :reportId "
            + "order by d.round, d.stepOrder")
    List<ApprovalDecision> findByReport(Long reportId);

    boolean existsByReportIdAndRoundAndDecidedById(Long reportId, int round, Long userId);
}
