package vn.gov.moha.portal.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProgrammeYearRepository extends JpaRepository<ProgrammeYear, Integer> {

    /** As a statement: Spring Data's own findAll builds a criteria query, for which Hibernate caches no plan. */
    @Override
    @Query("select y from ProgrammeYear y")
    List<ProgrammeYear> findAll();
}
