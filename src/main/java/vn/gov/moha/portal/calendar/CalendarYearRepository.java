package vn.gov.moha.portal.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {

    @Query("select y.year from CalendarYear y order by y.year")
    List<Integer> years();
}
