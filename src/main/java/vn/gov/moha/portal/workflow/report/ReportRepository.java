package vn.gov.moha.portal.workflow.report;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;

interface ReportRepository extends JpaRepository<ProgressReport, Long> {

    @Query("select r from ProgressReport r join fetch r.unit left join fetch r.submittedBy join fetch r.createdBy "
            + "where r.assignment.id = :assignmentId order by r.createdAt desc")
    List<ProgressReport> findByAssignment(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch a.leadUnit join fetch r.unit left join fetch r.submittedBy left join fetch r.document "
            + "where r.id = :id")
    Optional<ProgressReport> findWithDetails(Long id);

    @Query("select count(r) > 0 from ProgressReport r where r.assignment.id = :assignmentId "
            + "and r.status <> vn.gov.moha.portal.workflow.report.ReportStatus.APPROVED")
    boolean hasOpenReport(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch t.leadUnit "
            + "join fetch r.unit left join fetch r.submittedBy where r.status = :status")
    List<ProgressReport> findByStatus(ReportStatus status);

    @Query("select count(r) from ProgressReport r where r.status = "
            + "vn.gov.moha.portal.workflow.report.ReportStatus.SUBMITTED and r.unit.kind = :kind")
    long countWaiting(vn.gov.moha.portal.unit.UnitKind kind);

    /** Keys of the periods the assignment has sent a report for (submitted at least once). */
    @Query("select distinct r.periodKey from ProgressReport r where r.assignment.id = :assignmentId "
            + "and r.periodKey is not null and r.firstSubmittedAt is not null")
    java.util.Set<String> sentPeriods(Long assignmentId);

    @Query("select r from ProgressReport r join fetch r.assignment a join fetch a.task t join fetch r.unit "
            + "where r.status = :status and r.unit.id = :unitId")
    List<ProgressReport> findByStatusAndUnit(ReportStatus status, Long unitId);

    /**
     * The conditions of {@link #findWaitingFor} and {@link #countWaitingFor} (report r of unit u, assignment a, task
     * t, approval step s): the rule of ApprovalService.decisionProblem, asked of the database.
     */
    String WAITING_FOR = "where r.status = :submitted and s.key.stepOrder = r.currentStep "
            + "and ((u.kind = :province and s.key.chain = :provinceChain) "
            + "or (u.kind <> :province and s.key.chain = :departmentChain)) "
            + "and s.role in (:role1, :role2, :role3, :role4, :role5) "
            + "and (s.scope = :ministry or (s.scope = :ownUnit and u.id = :unitId) "
            + "or (s.scope = :taskDepartment and t.leadUnit.id = :unitId)) "
            + "and (r.submittedBy is null or r.submittedBy.id <> :userId) "
            + "and not exists (select d.id from ApprovalDecision d where d.report = r and d.round = r.round "
            + "and d.decidedBy.id = :userId)";

    /**
     * The person's i-th role, null past the last ({@code s.role in (:role1, ..., :role5)}: there are five roles). A
     * collection parameter ({@code s.role in :roles}) would make Hibernate translate the statement anew at every call
     * (it caches no plan with one), and the menu counts these at every navigation (docs/benchmarks.md, issue 20).
     */
    static vn.gov.moha.portal.security.@Nullable Role role(
            java.util.Collection<vn.gov.moha.portal.security.Role> roles, int i) {
        if (vn.gov.moha.portal.security.Role.values().length != 5) {
            throw new IllegalStateException("WAITING_FOR names five roles; there are now more or fewer");
        }
        return roles.stream().sorted().skip(i).findFirst().orElse(null);
    }

    /**
     * The ids of {@link #findWaitingFor}, joining only the tables the conditions need. The statement that reads the
     * reports with what the screen shows of them (eight tables in one join) would cost H2 about 45 ms to plan, as it
     * tries every join order; split this way it costs about 5 ms (docs/benchmarks.md, issue 20).
     */
    String WAITING_IDS =
            "select r.id from ProgressReport r join r.assignment a join a.task t join r.unit u, ApprovalStep s "
                    + WAITING_FOR;

    /**
     * Submitted reports the person may decide now: waiting at a step (of the chain of the report's kind of
     * unit) whose role they have and whose scope they are in, not sent by them, not yet decided by them in
     * this round. The same rule as ApprovalService.decisionProblem, asked of the database.
     */
    @Query("select w from ProgressReport w join fetch w.assignment wa join fetch wa.task wt join fetch wt.leadUnit "
            + "join fetch wa.leadUnit join fetch w.unit left join fetch w.submittedBy where w.id in ("
            + WAITING_IDS + ") order by w.id")
    List<ProgressReport> findWaitingFor(
            ReportStatus submitted,
            vn.gov.moha.portal.unit.UnitKind province,
            ApprovalStep.Chain provinceChain,
            ApprovalStep.Chain departmentChain,
            vn.gov.moha.portal.security.@Nullable Role role1,
            vn.gov.moha.portal.security.@Nullable Role role2,
            vn.gov.moha.portal.security.@Nullable Role role3,
            vn.gov.moha.portal.security.@Nullable Role role4,
            vn.gov.moha.portal.security.@Nullable Role role5,
            ApprovalStep.Scope ministry,
            ApprovalStep.Scope ownUnit,
            ApprovalStep.Scope taskDepartment,
            Long unitId,
            Long userId);

    /**
     * How many of {@link #findWaitingFor} the person may also see ({@link AssignmentAccess#canSee}, as the
     * {@link AssignmentAccess.Visibility} parameters): the count of "my work"'s reports to decide, in the
     * database. The same conditions as findWaitingFor, plus the visibility; only the tables the conditions need
     * are joined: five, not seven, which H2 plans in 1 ms instead of 53 (it tries every join order of up to seven
     * tables).
     */
    @Query("select count(r) from ProgressReport r join r.assignment a join a.task t join r.unit u, ApprovalStep s "
            + WAITING_FOR + " and (:seeAll = true or t.leadUnit.id = :seeDept or a.leadUnit.id = :seeUnit "
            + "or exists (select c.id from Assignment ca join ca.coordinators c where ca = a and c.id = :seeUnit))")
    long countWaitingFor(
            ReportStatus submitted,
            vn.gov.moha.portal.unit.UnitKind province,
            ApprovalStep.Chain provinceChain,
            ApprovalStep.Chain departmentChain,
            vn.gov.moha.portal.security.@Nullable Role role1,
            vn.gov.moha.portal.security.@Nullable Role role2,
            vn.gov.moha.portal.security.@Nullable Role role3,
            vn.gov.moha.portal.security.@Nullable Role role4,
            vn.gov.moha.portal.security.@Nullable Role role5,
            ApprovalStep.Scope ministry,
            ApprovalStep.Scope ownUnit,
            ApprovalStep.Scope taskDepartment,
            Long unitId,
            Long userId,
            boolean seeAll,
            long seeDept,
            long seeUnit);

    default long countWaitingFor(
            Long userId,
            Long unitId,
            java.util.Collection<vn.gov.moha.portal.security.Role> roles,
            AssignmentAccess.Visibility sees) {
        return countWaitingFor(
                ReportStatus.SUBMITTED,
                vn.gov.moha.portal.unit.UnitKind.PROVINCE,
                ApprovalStep.Chain.PROVINCE,
                ApprovalStep.Chain.DEPARTMENT,
                role(roles, 0),
                role(roles, 1),
                role(roles, 2),
                role(roles, 3),
                role(roles, 4),
                ApprovalStep.Scope.MINISTRY,
                ApprovalStep.Scope.OWN_UNIT,
                ApprovalStep.Scope.TASK_DEPARTMENT,
                unitId == null ? -1L : unitId,
                userId,
                sees.all(),
                sees.deptId(),
                sees.unitId());
    }

    /** How many {@link #findByStatusAndUnit} returns. */
    @Query("select count(r) from ProgressReport r join r.assignment a join a.task t join r.unit "
            + "where r.status = :status and r.unit.id = :unitId")
    long countByStatusAndUnit(ReportStatus status, Long unitId);

    /**
     * The open assignments a unit leads that have no report not yet accepted: how many "write a report"
     * items {@code findOpenLedBy} minus {@link #withOpenReportLedBy} gives.
     */
    @Query("select count(a) from Assignment a join a.task t join a.leadUnit l where l.id = :unitId "
            + "and a.completedOn is null and a.mergedIntoId is null and not exists (select r.id from ProgressReport r where r.assignment = a "
            + "and r.status <> vn.gov.moha.portal.workflow.report.ReportStatus.APPROVED)")
    long countOpenLedWithoutOpenReport(Long unitId);

    default List<ProgressReport> findWaitingFor(
            Long userId, Long unitId, java.util.Collection<vn.gov.moha.portal.security.Role> roles) {
        return findWaitingFor(
                ReportStatus.SUBMITTED,
                vn.gov.moha.portal.unit.UnitKind.PROVINCE,
                ApprovalStep.Chain.PROVINCE,
                ApprovalStep.Chain.DEPARTMENT,
                role(roles, 0),
                role(roles, 1),
                role(roles, 2),
                role(roles, 3),
                role(roles, 4),
                ApprovalStep.Scope.MINISTRY,
                ApprovalStep.Scope.OWN_UNIT,
                ApprovalStep.Scope.TASK_DEPARTMENT,
                unitId == null ? -1L : unitId,
                userId);
    }

    /** The assignments a unit leads that have a report not yet accepted (one statement for "my work"). */
    @Query("select distinct r.assignment.id from ProgressReport r where r.assignment.leadUnit.id = :unitId "
            + "and r.status <> vn.gov.moha.portal.workflow.report.ReportStatus.APPROVED")
    java.util.Set<Long> withOpenReportLedBy(Long unitId);
}
