package vn.gov.moha.portal.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<PriorityTask, Long> {

    @Query(
            "select t from PriorityTask t join fetch t.leadUnit left join fetch t.leader where t.year = :year order by t.number")
    List<PriorityTask> findByYear(int year);

    @Query("select t from PriorityTask t join fetch t.leadUnit left join fetch t.leader where t.id = :id")
    Optional<PriorityTask> findWithDetails(Long id);

    boolean existsByYearAndNumber(int year, int number);

    Optional<PriorityTask> findByYearAndNumber(int year, int number);
}
