package vn.gov.moha.portal.calendar;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Replaces a year's days in the caller's transaction; callers check who may do it and log it. */
@Component
class CalendarStore {

    private final CalendarDayRepository days;
    private final WorkingDays workingDays;

    CalendarStore(CalendarDayRepository days, WorkingDays workingDays) {
        this.days = days;
        this.workingDays = workingDays;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(int year, List<CalendarFile.Entry> entries) {
        days.deleteYear(year);
        days.flush();
        for (CalendarFile.Entry e : entries) {
            days.save(new CalendarDay(e.date(), e.kind(), e.name(), e.note()));
        }
        days.flush();
        workingDays.forgetAfterCommit(year);
    }
}
