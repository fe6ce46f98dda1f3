package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/**
 * The deadline scan on the shipped working-day calendar: notices 5 and 1 working days ahead counted
 * across Tết Ất Tỵ 2025 and the 30/4 swap (Saturday 26/4/2025 worked, Friday 2/5 off), and overdue
 * reminders once a week until the assignment is done.
 */
@PortalTest
class DeadlineScanTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationFixture inbox;

    private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    DeadlineScanner scanner;

    private Assignment a;

    @BeforeEach
    void assignment() {
        a = workflow.assignTask3ToLamDong();
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
    }

    /** Day by day from {@code from} to {@code to}, which notice each day's scan raised for lamdong.cv. */
    private List<String> scanDaily(LocalDate deadline, LocalDate from, LocalDate to) {
        jdbc.update("update assignment set deadline = ? where id = ?", deadline, a.getId());
        List<String> raised = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int before = inbox.notices("lamdong.cv").size();
            scanner.scan(day);
            List<String> keys = inbox.noticesOfKind("lamdong.cv", NotificationKind.DEADLINE_SOON);
            keys.addAll(inbox.noticesOfKind("lamdong.cv", NotificationKind.OVERDUE));
            if (inbox.notices("lamdong.cv").size() > before) {
                String params = jdbc.queryForObject(
                                "select params from notification where id = (select max(id) " + "from notification)",
                                String.class)
                        .replace(NotificationStore.SEPARATOR, "|");
                raised.add(D.format(day) + " " + params.substring(params.indexOf('|', params.indexOf('|') + 1) + 1));
            }
        }
        System.out.printf(
                "Deadline %s, daily scans %s..%s raised: %s%n",
                D.format(deadline), D.format(from), D.format(to), raised);
        return raised;
    }

    @Test
    void fiveAndOneWorkingDaysAheadAcrossTet2025() {
        // Friday 7/2/2025: 5 working days before it is Friday 24/1 (27/1 - 31/1 are Tết), not 2/2
        List<String> raised = scanDaily(LocalDate.of(2025, 2, 7), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 7));
        assertThat(raised).containsExactly("24/01/2025 07/02/2025|5", "06/02/2025 07/02/2025|1");
        assertThat(inbox.noticesOfKind("lamdong.cv", NotificationKind.DEADLINE_SOON))
                .containsExactly(
                        "deadline:5:assignment:" + a.getId() + ":2025-02-07",
                        "deadline:1:assignment:" + a.getId() + ":2025-02-07");
        assertThat(inbox.noticesOfKind("lamdong.truong", NotificationKind.DEADLINE_SOON))
                .hasSize(2);
    }

    @Test
    void fiveAndOneWorkingDaysAheadAcrossTheSwappedDays() {
        // Tuesday 6/5/2025: 26/4 (Saturday, worked), 28/4, 29/4, 5/5, 6/5 are the last five working days
        List<String> raised = scanDaily(LocalDate.of(2025, 5, 6), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 6));
        assertThat(raised).containsExactly("25/04/2025 06/05/2025|5", "05/05/2025 06/05/2025|1");
    }

    @Test
    void aScanThatMissedTheFifthDayStillWarnsOnceWithTheDaysLeft() {
        jdbc.update("update assignment set deadline = ? where id = ?", LocalDate.of(2025, 2, 7), a.getId());
        scanner.scan(LocalDate.of(2025, 2, 4)); // 3 working days left: the 5-day notice, saying 3
        scanner.scan(LocalDate.of(2025, 2, 4));
        scanner.scan(LocalDate.of(2025, 2, 5));
        assertThat(inbox.noticesOfKind("lamdong.cv", NotificationKind.DEADLINE_SOON))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select params from notification where recipient_id = ?",
                        String.class,
                        inbox.userId("lamdong.cv")))
                .endsWith(NotificationStore.SEPARATOR + "3");
    }

    @Test
    void overdueIsRemindedOnceAWeekUntilDoneAndAnExtensionRearmsTheNotices() {
        LocalDate deadline = LocalDate.of(2025, 3, 14);
        List<String> raised = scanDaily(deadline, deadline.plusDays(1), deadline.plusDays(22));
        assertThat(raised)
                .containsExactly(
                        "15/03/2025 14/03/2025|1",
                        "22/03/2025 14/03/2025|8",
                        "29/03/2025 14/03/2025|15",
                        "05/04/2025 14/03/2025|22");
        assertThat(inbox.noticesOfKind("lamdong.truong", NotificationKind.OVERDUE))
                .as("the unit head too")
                .hasSize(4);
        assertThat(inbox.noticesOfKind("quanly", NotificationKind.OVERDUE)).isEmpty();

        jdbc.update("update assignment set completed_on = ? where id = ?", deadline.plusDays(23), a.getId());
        scanner.scan(deadline.plusDays(30));
        assertThat(inbox.noticesOfKind("lamdong.cv", NotificationKind.OVERDUE))
                .as("done: no more reminders")
                .hasSize(4);
        jdbc.update("update assignment set completed_on = null where id = ?", a.getId());
        List<String> afterExtension =
                scanDaily(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 4, 25), LocalDate.of(2025, 4, 29));
        // 30/4 is a holiday: from Friday 25/4 the working days left are 26/4 (Saturday worked), 28/4 and 29/4
        assertThat(afterExtension)
                .as("a new deadline has its own notices")
                .containsExactly("25/04/2025 30/04/2025|3", "28/04/2025 30/04/2025|1");
    }
}
