package vn.gov.moha.portal.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    @EntityGraph(attributePaths = {"parent", "successor"})
    List<OrgUnit> findAllBy();

    @EntityGraph(attributePaths = {"parent", "successor"})
    Optional<OrgUnit> findWithLinksById(Long id);

    Optional<OrgUnit> findByCodeIgnoreCase(String code);

    List<OrgUnit> findByKind(UnitKind kind);
}
