package vn.gov.moha.portal.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

    List<CalendarDay> findByYearOrderByDate(int year);

    Optional<CalendarDay> findByDate(LocalDate date);

    @Modifying
    @Query("delete from CalendarDay d where d.year = :year")
    int deleteYear(int year);
}
