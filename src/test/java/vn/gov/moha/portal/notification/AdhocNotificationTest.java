package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;

/**
 * Ad hoc report notices: a new request tells the asked units' staff, a sent answer the asking department's
 * managers, a decision the unit; the scan reminds an unsent unit before the due date and once when overdue;
 * each notice once per person, however often the scan runs.
 */
@PortalTest
class AdhocNotificationTest extends KaribuTest {

    @Autowired
    AdhocFixture fixture;

    @Autowired
    AdhocService adhoc;

    @Autowired
    AdhocReminders reminders;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    NotificationFixture notices;

    @Test
    void eachStepTellsThePeopleWhoActNext() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        for (String person : List.of("lamdong.cv", "lamdong.truong", "hanoi.cv", "hanoi.truong")) {
            assertThat(notices.notices(person)).as(person).containsExactly("ADHOC_REPORT notification.adhocAsked");
        }
        assertThat(notices.notices("danang.cv")).isEmpty();
        assertThat(notices.notices("quanly")).isEmpty();

        AdhocAnswer sent = fixture.draftAndSend("lamdong.cv", "lamdong.truong", r);
        assertThat(notices.notices("quanly")).containsExactly("ADHOC_REPORT notification.adhocSent");
        assertThat(notices.notices("quanly.cchc")).isEmpty();
        fixture.as("quanly", () -> adhoc.returnAnswer(sent.getId(), sent.getVersion(), "Bổ sung số liệu"));
        assertThat(notices.notices("lamdong.cv"))
                .containsExactly("ADHOC_REPORT notification.adhocAsked", "ADHOC_REPORT notification.adhocReturned");
        assertThat(notices.notices("hanoi.cv")).containsExactly("ADHOC_REPORT notification.adhocAsked");

        AdhocAnswer back = fixture.answer("lamdong.cv", r);
        AdhocAnswer corrected =
                fixture.as("lamdong.cv", () -> adhoc.saveDraft(back.getId(), back.getVersion(), "Đã bổ sung"));
        AdhocAnswer resent = fixture.as("lamdong.truong", () -> adhoc.send(corrected.getId(), corrected.getVersion()));
        fixture.as("quanly", () -> adhoc.accept(resent.getId(), resent.getVersion()));
        assertThat(notices.notices("quanly"))
                .containsExactly("ADHOC_REPORT notification.adhocSent", "ADHOC_REPORT notification.adhocSent");
        assertThat(notices.notices("lamdong.truong"))
                .containsExactly(
                        "ADHOC_REPORT notification.adhocAsked",
                        "ADHOC_REPORT notification.adhocReturned",
                        "ADHOC_REPORT notification.adhocAccepted");
        // and by e-mail, in Vietnamese, addressing the reader as "đồng chí"
        assertThat(notices.outbox())
                .anySatisfy(m -> assertThat(String.valueOf(m.get("subject"))).contains("của đồng chí"));
    }

    @Test
    void unsentUnitsAreRemindedBeforeTheDueDateAndOnceWhenOverdue() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        fixture.draftAndSend("hanoi.cv", "hanoi.truong", r); // Hà Nội sent: never reminded
        LocalDate due = r.getDueDate();
        LocalDate dayBefore = workingDays.addWorkingDays(due, -1);

        assertThat(reminders.scan(workingDays.addWorkingDays(due, -5)).created())
                .isZero(); // too early
        assertThat(reminders.scan(dayBefore).created()).isEqualTo(2); // Lâm Đồng's officer and head
        assertThat(reminders.scan(dayBefore).created()).isZero(); // once only
        assertThat(notices.noticesOfKind("lamdong.cv", NotificationKind.ADHOC_REPORT))
                .containsExactly(
                        "adhoc:request:" + r.getId() + ":unit:"
                                + fixture.answer("lamdong.cv", r).getUnit().getId(),
                        "adhoc-due:1:answer:" + fixture.answer("lamdong.cv", r).getId() + ":" + due);
        assertThat(notices.noticesOfKind("hanoi.cv", NotificationKind.ADHOC_REPORT))
                .hasSize(1);

        assertThat(reminders.scan(due.plusDays(1)).created()).isEqualTo(2);
        assertThat(reminders.scan(due.plusDays(2)).created()).isZero();
        assertThat(reminders.scan(due.plusDays(9)).created()).isZero();
        assertThat(notices.notices("lamdong.truong"))
                .containsExactly(
                        "ADHOC_REPORT notification.adhocAsked",
                        "ADHOC_REPORT notification.adhocDue",
                        "ADHOC_REPORT notification.adhocOverdue");
    }
}
