package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/**
 * A person only ever sees and marks their own notifications: every other person's notification id,
 * tried by another person, is refused like a missing one, stays unread, and the attempt is logged.
 */
@PortalTest
class NotificationAccessTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationFixture inbox;

    @Autowired
    NotificationService notifications;

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotifications() {
        workflow.submitReport(
                workflow.assignTask3ToLamDong(),
                40); // lamdong.cv and .truong told of the assignment, .truong of the report
        List<Long> all = jdbc.queryForList("select id from notification order by id", Long.class);
        List<String> people = List.of("lamdong.cv", "lamdong.truong", "hanoi.cv", "quanly", "lanhdao", "admin");
        int tried = 0;
        int opened = 0;
        int listedForeign = 0;
        long refusalsBefore = inbox.count("select count(*) from event_log where entity_type = 'NOTIFICATION'");
        for (String person : people) {
            long me = inbox.userId(person);
            login(person);
            List<Long> own = jdbc.queryForList("select id from notification where recipient_id = ?", Long.class, me);
            List<Long> listed = notifications.page(0, NotificationService.MAX_PAGE).stream()
                    .map(NotificationItem::id)
                    .toList();
            assertThat(listed).as("%s's list", person).containsExactlyInAnyOrderElementsOf(own);
            assertThat(notifications.unreadCount()).isEqualTo(own.size());
            listedForeign +=
                    (int) listed.stream().filter(id -> !own.contains(id)).count();
            for (Long id : all) {
                if (!own.contains(id)) {
                    tried++;
                    if (notifications.open(id).isPresent()) {
                        opened++;
                    }
                }
            }
            logout();
        }
        long markedByOthers = inbox.count("select count(*) from notification where read_at is not null");
        long refusals =
                inbox.count("select count(*) from event_log where entity_type = 'NOTIFICATION'") - refusalsBefore;
        System.out.printf(
                "Notification access: %d notifications of %d people; %d tries to open another's id: "
                        + "%d opened, %d marked read, %d refusals logged; %d foreign rows listed%n",
                all.size(), people.size(), tried, opened, markedByOthers, refusals, listedForeign);
        assertThat(all).hasSize(3);
        assertThat(opened).isZero();
        assertThat(markedByOthers).isZero();
        assertThat(refusals).isEqualTo(tried);
        assertThat(listedForeign).isZero();

        login("lamdong.truong");
        int marked = notifications.markAllRead();
        logout();
        assertThat(marked).isEqualTo(2);
        assertThat(inbox.count(
                        "select count(*) from notification where read_at is null and recipient_id = ?",
                        inbox.userId("lamdong.cv")))
                .as("lamdong.truong's 'mark all' leaves lamdong.cv's unread")
                .isEqualTo(1);
    }
}
