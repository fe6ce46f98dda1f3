package vn.gov.moha.portal.workflow.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<EvidenceFile, Long> {

    @Query("select f from EvidenceFile f where f.report.id = :reportId and f.removedAt is null order by f.uploadedAt")
    List<EvidenceFile> findByReport(Long reportId);

    @Query("select f from EvidenceFile f join fetch f.report r join fetch r.assignment a join fetch a.task t "
            + "join fetch t.leadUnit join fetch a.leadUnit where f.id = :id and f.removedAt is null")
    Optional<EvidenceFile> findWithDetails(Long id);
}
