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
}
