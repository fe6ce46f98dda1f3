package vn.gov.moha.portal.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<ProgressReport, Long> {

    @Query("select r from ProgressReport r join fetch r.unit left join fetch r.submittedBy join fetch r.createdBy "
            + "where r.assignment.id = :assignmentId order by r.createdAt desc")
    List<ProgressReport> findByAssignment(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch a.leadUnit join fetch r.unit left join fetch r.submittedBy where r.id = :id")
    Optional<ProgressReport> findWithDetails(Long id);

    @Query("select count(r) > 0 from ProgressReport r where r.assignment.id = :assignmentId "
            + "and r.status <> vn.gov.moha.portal.assignment.ReportStatus.APPROVED")
    boolean hasOpenReport(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch r.unit left join fetch r.submittedBy where r.status = :status")
    List<ProgressReport> findByStatus(ReportStatus status);

    @Query("select count(r) from ProgressReport r where r.status = "
            + "vn.gov.moha.portal.assignment.ReportStatus.SUBMITTED and r.unit.kind = :kind")
    long countWaiting(vn.gov.moha.portal.unit.UnitKind kind);

    /** Keys of the periods the assignment has sent a report for (submitted at least once). */
    @Query("select distinct r.periodKey from ProgressReport r where r.assignment.id = :assignmentId "
            + "and r.periodKey is not null and r.firstSubmittedAt is not null")
    java.util.Set<String> sentPeriods(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch r.unit "
            + "where r.status = :status and r.unit.id = :unitId")
    List<ProgressReport> findByStatusAndUnit(ReportStatus status, Long unitId);

    /**
     * Submitted reports the person may decide now: waiting at a step (of the chain of the report's kind of
     * unit) whose role they have and whose scope they are in, not sent by them, not yet decided by them in
     * this round. The same rule as ReportService.decisionProblem, asked of the database.
     */
    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch a.leadUnit join fetch r.unit u left join fetch r.submittedBy, ApprovalStep s "
            + "where r.status = :submitted and s.key.stepOrder = r.currentStep "
            + "and ((u.kind = :province and s.key.chain = :provinceChain) "
            + "or (u.kind <> :province and s.key.chain = :departmentChain)) "
            + "and s.role in :roles "
            + "and (s.scope = :ministry or (s.scope = :ownUnit and u.id = :unitId) "
            + "or (s.scope = :taskDepartment and t.leadUnit.id = :unitId)) "
            + "and (r.submittedBy is null or r.submittedBy.id <> :userId) "
            + "and not exists (select d.id from ApprovalDecision d where d.report = r and d.round = r.round "
            + "and d.decidedBy.id = :userId) order by r.id")
    List<ProgressReport> findWaitingFor(ReportStatus submitted, vn.gov.moha.portal.unit.UnitKind province,
                                        ApprovalStep.Chain provinceChain, ApprovalStep.Chain departmentChain,
                                        java.util.Collection<vn.gov.moha.portal.security.Role> roles,
                                        ApprovalStep.Scope ministry, ApprovalStep.Scope ownUnit,
                                        ApprovalStep.Scope taskDepartment, Long unitId, Long userId);

    default List<ProgressReport> findWaitingFor(Long userId, Long unitId,
                                                java.util.Collection<vn.gov.moha.portal.security.Role> roles) {
        return findWaitingFor(ReportStatus.SUBMITTED, vn.gov.moha.portal.unit.UnitKind.PROVINCE,
                ApprovalStep.Chain.PROVINCE, ApprovalStep.Chain.DEPARTMENT, roles, ApprovalStep.Scope.MINISTRY,
                ApprovalStep.Scope.OWN_UNIT, ApprovalStep.Scope.TASK_DEPARTMENT, unitId == null ? -1L : unitId,
                userId);
    }

    /** The assignments a unit leads that have a report not yet accepted (one statement for "my work"). */
    @Query("select distinct r.assignment.id from ProgressReport r where r.assignment.leadUnit.id = :unitId "
            + "and r.status <> vn.gov.moha.portal.assignment.ReportStatus.APPROVED")
    java.util.Set<Long> withOpenReportLedBy(Long unitId);
}
