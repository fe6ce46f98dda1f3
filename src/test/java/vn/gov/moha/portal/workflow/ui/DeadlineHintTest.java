package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.CalendarDay;
import vn.gov.moha.portal.calendar.CalendarFixture;
import vn.gov.moha.portal.calendar.CalendarService;
import vn.gov.moha.portal.calendar.DayDraft;
import vn.gov.moha.portal.calendar.DayKind;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/** "còn N ngày làm việc" next to a dated assignment's deadline, on its page and in My work, on the calendar. */
@PortalTest
class DeadlineHintTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    CalendarFixture calendarFixture;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    CalendarService calendar;

    @Test
    void workingDaysLeftFollowTheCalendar() {
        Assignment a = workflow.assignTask3ToLamDong();
        LocalDate today = LocalDate.now();
        LocalDate deadline = a.getDeadline();
        LocalDate holiday = workingDays.nextWorkingDay(today);
        boolean hadCalendar = workingDays.hasCalendar(holiday.getYear());
        int left = workingDays.workingDaysBetween(today, deadline);
        // by hand where no year on the way has a calendar: Monday to Friday after today, up to the deadline
        if (workingDays.yearsWithoutCalendar(today, deadline).size() == deadline.getYear() - today.getYear() + 1) {
            assertThat(left).isEqualTo((int) today.plusDays(1)
                    .datesUntil(deadline.plusDays(1))
                    .filter(d -> d.getDayOfWeek().getValue() <= 5)
                    .count());
        }

        assertThat(deadlineOnAssignmentPage(a))
                .isEqualTo(Formats.date(deadline) + " · còn " + left + " ngày làm việc" + caveat(today, deadline));
        assertThat(deadlineInMyWork()).contains(Formats.date(deadline) + " · còn " + left + " ngày làm việc");

        login("admin");
        CalendarDay added = calendar.save(new DayDraft(null, 0, holiday, DayKind.HOLIDAY, "Nghỉ đột xuất (thử)", null));
        logout();
        try {
            String shown = deadlineOnAssignmentPage(a);
            System.out.printf(
                    "deadline %s, today %s: %d working days left; after a holiday on %s the page says \"%s\"%n",
                    deadline, today, left, holiday, shown);
            assertThat(shown).startsWith(Formats.date(deadline) + " · còn " + (left - 1) + " ngày làm việc");
        } finally {
            login("admin");
            calendar.delete(added.getId(), added.getVersion());
            logout();
            if (!hadCalendar) {
                calendarFixture.removeYear(holiday.getYear());
            }
        }
    }

    private String caveat(LocalDate today, LocalDate deadline) {
        List<Integer> missing = workingDays.yearsWithoutCalendar(today, deadline);
        return missing.isEmpty()
                ? ""
                : " (chưa tính ngày lễ năm "
                        + String.join(
                                ", ", missing.stream().map(String::valueOf).toList()) + ")";
    }

    private String deadlineOnAssignmentPage(Assignment a) {
        login("lamdong.cv");
        navigate("assignments/" + a.getId());
        String value = _find(Span.class, s -> s.withClasses("fact-value")).stream()
                .map(Span::getText)
                .filter(t -> t.startsWith(Formats.date(a.getDeadline())))
                .findFirst()
                .orElseThrow();
        logout();
        return value;
    }

    private String deadlineInMyWork() {
        login("lamdong.cv");
        navigate("my-work");
        String lead = _find(Span.class, s -> s.withClasses("task-lead")).get(0).getText();
        logout();
        return lead;
    }
}
