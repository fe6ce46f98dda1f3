package vn.gov.moha.portal.workflow.adhoc;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdhocFileRepository extends JpaRepository<AdhocFile, Long> {

    /** The request's files not removed: its template and every answer's, oldest first. */
    @Query("select f from AdhocFile f left join fetch f.answer where f.request.id = :requestId "
            + "and f.removedAt is null order by f.id")
    List<AdhocFile> findByRequest(Long requestId);

    @Query("select f from AdhocFile f join fetch f.request r join fetch r.dept left join fetch f.answer a "
            + "left join fetch a.unit where f.id = :id and f.removedAt is null")
    Optional<AdhocFile> findWithDetails(Long id);
}
