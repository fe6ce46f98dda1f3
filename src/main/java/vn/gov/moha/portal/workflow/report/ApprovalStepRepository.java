package vn.gov.moha.portal.workflow.report;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalStepRepository extends JpaRepository<ApprovalStep, ApprovalStep.Key> {

    @Query("select s from ApprovalStep s where s.key.chain = :chain order by s.key.stepOrder")
    List<ApprovalStep> findChain(ApprovalStep.Chain chain);
}
