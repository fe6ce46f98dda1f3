package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * E-mail through a real SMTP server (GreenMail 2.1.5 on the tests' SMTP port, {@link TestMail}): the portal's
 * configured mail sender delivers the outbox; exactly once with two scanners and two senders at the same time;
 * an SMTP server that is down does not touch the user's action, and the e-mail goes out once it is up.
 */
@PortalTest
class NotificationMailTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationFixture inbox;

    @Autowired
    AssignmentService assignments;

    /** portal.notify.deadline-days=5,1, report-days=3,1; a second sender's mail settings. */
    private static final NotifyProperties NOTIFY = new NotifyProperties(
            List.of(5, 1),
            List.of(3, 1),
            new NotifyProperties.Mail("portal@noivu.example.vn", 10, Duration.ofMinutes(1), Duration.ofHours(6)));

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    DueDates dueDates;

    @Autowired
    NotificationStore store;

    @Autowired
    Notifier notifier;

    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Autowired
    OutboxSender sender;

    @Autowired
    NotificationService notifications;

    @Autowired
    ReportReminders reminders;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theOutboxIsDeliveredInVietnameseToEachRecipient() throws Exception {
        startSmtp();
        Assignment a = workflow.assignTask3ToLamDong();
        int sent = sender.sendDue(LocalDateTime.now());
        MimeMessage[] received = smtp.getReceivedMessages();
        System.out.printf("Assignment to Lâm Đồng: %d e-mails sent, %d received by GreenMail%n", sent, received.length);
        assertThat(sent).isEqualTo(2);
        assertThat(recipients(received))
                .containsExactlyInAnyOrder("lamdong.cv@lamdong.example.vn", "lamdong.truong@lamdong.example.vn");
        for (MimeMessage m : received) {
            assertThat(m.getSubject())
                    .startsWith("[Cổng điều hành Bộ Nội vụ] Nhiệm vụ số 3 được giao, đơn vị chủ trì: ")
                    .contains("Lâm Đồng");
            String body = ((String) m.getContent()).replace("\r\n", "\n");
            assertThat(body)
                    .contains("Xem chi tiết: https://congviec.noivu.example.vn/assignments/" + a.getId())
                    .contains("https://congviec.noivu.example.vn/notifications/settings");
        }
        assertThat(inbox.count(
                        "select count(*) from notification_outbox where status = 'SENT' and sent_at is not null"))
                .isEqualTo(2);
        assertThat(sender.sendDue(LocalDateTime.now().plusDays(1)))
                .as("nothing is sent twice")
                .isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aKindTurnedOffGivesTheNotificationButNoEmail() throws Exception {
        startSmtp();
        login("lamdong.cv");
        notifications.saveEmailChoices(Map.of(NotificationKind.ASSIGNED, false));
        logout();
        workflow.assignTask3ToLamDong();
        sender.sendDue(LocalDateTime.now());
        System.out.printf(
                "ASSIGNED by e-mail off for lamdong.cv: in-app %s, e-mails to %s%n",
                inbox.notices("lamdong.cv"), recipients(smtp.getReceivedMessages()));
        assertThat(inbox.notices("lamdong.cv")).containsExactly("ASSIGNED notification.assigned");
        assertThat(recipients(smtp.getReceivedMessages())).containsExactly("lamdong.truong@lamdong.example.vn");
    }

    @Test
    void anUnreachableMailServerNeitherBlocksNorFailsTheActionAndIsRetried() throws Exception {
        // nothing listens on the SMTP port yet
        Assignment a = workflow.assignTask3ToLamDong();
        assertThat(a.getId()).as("the manager's assignment went through").isNotNull();
        LocalDateTime now = LocalDateTime.now();
        assertThat(sender.sendDue(now)).isZero();
        List<Map<String, Object>> rows = inbox.outbox();
        for (Map<String, Object> row : rows) {
            System.out.printf(
                    "SMTP down: outbox %s to %s status=%s attempts=%s next=%s last_error=%s%n",
                    row.get("id"),
                    row.get("recipient_email"),
                    row.get("status"),
                    row.get("attempts"),
                    row.get("next_attempt_at"),
                    row.get("last_error"));
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank();
        }
        assertThat(rows).hasSize(2);
        assertThat(sender.sendDue(now.plusSeconds(30)))
                .as("not retried before its backoff")
                .isZero();
        assertThat(inbox.count("select max(attempts) from notification_outbox")).isEqualTo(1);
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(sender.backoff(30)).isEqualTo(Duration.ofHours(6));

        startSmtp();
        int sent = sender.sendDue(now.plusMinutes(2));
        System.out.printf("SMTP up again: %d sent, %d received%n", sent, smtp.getReceivedMessages().length);
        assertThat(sent).isEqualTo(2);
        assertThat(recipients(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder("lamdong.cv@lamdong.example.vn", "lamdong.truong@lamdong.example.vn");
        assertThat(inbox.count("select count(*) from notification_outbox where status = 'SENT' and attempts = 2 "
                        + "and last_error is null"))
                .isEqualTo(2);
    }

    /**
     * The new notices by e-mail: lamdong.cv turned "Báo cáo định kỳ đến hạn" off and cchc.truong turned
     * "Sắp đến hạn" off; each still sees the notice in the portal, and gets no e-mail of that kind.
     */
    @Test
    void reportRemindersAndCoordinatingNoticesByEmailFollowEachPersonsChoice() throws Exception {
        startSmtp();
        PriorityTask t3 = workflow.task(3);
        long lamDong = workflow.unit("SNV-68").getId();
        long haNoi = workflow.unit("SNV-01").getId();
        long cchc = workflow.unit("V-CCHC").getId();
        login("quanly");
        assignments.assign(new vn.gov.moha.portal.workflow.assignment.AssignDraft(
                t3.getId(),
                Set.of(lamDong),
                Set.of(),
                true,
                null,
                vn.gov.moha.portal.workflow.period.ReportingPeriod.MONTHLY,
                "Báo cáo hằng tháng",
                List.of(new vn.gov.moha.portal.workflow.assignment.AssignDraft.IndicatorDraft(
                        "Số biên chế", "người", java.math.BigDecimal.TEN)),
                null,
                null,
                vn.gov.moha.portal.workflow.WorkflowFixture.document()));
        assignments.assign(new vn.gov.moha.portal.workflow.assignment.AssignDraft(
                t3.getId(),
                Set.of(haNoi),
                Set.of(cchc),
                false,
                LocalDate.now().plusDays(30),
                null,
                "Báo cáo kết quả",
                List.of(new vn.gov.moha.portal.workflow.assignment.AssignDraft.IndicatorDraft(
                        "Số biên chế", "người", java.math.BigDecimal.TEN)),
                null,
                null,
                vn.gov.moha.portal.workflow.WorkflowFixture.document()));
        logout();
        login("lamdong.cv");
        notifications.saveEmailChoices(Map.of(NotificationKind.REPORT_DUE, false));
        logout();
        login("cchc.truong");
        notifications.saveEmailChoices(Map.of(NotificationKind.DEADLINE_SOON, false));
        logout();
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
        jdbc.update(
                "update assignment set created_at = ? where lead_unit_id = ?",
                java.sql.Timestamp.valueOf(LocalDateTime.of(2025, 2, 20, 9, 0)),
                lamDong);
        jdbc.update("update assignment set deadline = ? where lead_unit_id = ?", LocalDate.of(2025, 3, 24), haNoi);
        String haNoiName = jdbc.queryForObject("select name_vi from org_unit where id = ?", String.class, haNoi);
        LocalDate day = LocalDate.of(2025, 3, 17); // Tháng 3/2025 due Thursday 20/03: 3 working days; 24/03: 5
        DeadlineScanner.Result reports = reminders.scan(day);
        DeadlineScanner.Result deadlines = newScanner().scan(day);
        int sent = sender.sendDue(LocalDateTime.now());
        List<String> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            mails.add(recipients(new MimeMessage[] {m}) + " " + subject(m));
        }
        System.out.printf(
                "Scans of 17/03/2025: report reminders %d, deadline notices %d; %d e-mails sent:%n  %s%n",
                reports.created(), deadlines.created(), sent, String.join("\n  ", mails));
        assertThat(inbox.noticesOfKind("lamdong.cv", NotificationKind.REPORT_DUE))
                .hasSize(1);
        assertThat(inbox.noticesOfKind("cchc.truong", NotificationKind.DEADLINE_SOON))
                .hasSize(1);
        assertThat(reports.created()).isEqualTo(2);
        assertThat(deadlines.created()).isEqualTo(4);
        assertThat(mails)
                .containsExactlyInAnyOrder(
                        "[lamdong.truong@lamdong.example.vn] [Cổng điều hành Bộ Nội vụ] Báo cáo kỳ tháng 3/2025 nhiệm vụ số 3 "
                                + "hạn gửi 20/03/2025 (còn 3 ngày làm việc)",
                        "[hanoi.cv@hanoi.example.vn] [Cổng điều hành Bộ Nội vụ] Nhiệm vụ số 3 của " + haNoiName
                                + " đến hạn ngày 24/03/2025, còn 5 ngày làm việc",
                        "[hanoi.truong@hanoi.example.vn] [Cổng điều hành Bộ Nội vụ] Nhiệm vụ số 3 của " + haNoiName
                                + " đến hạn ngày 24/03/2025, còn 5 ngày làm việc",
                        "[cchc.cv@noivu.example.vn] [Cổng điều hành Bộ Nội vụ] Đơn vị phối hợp Vụ Cải cách hành chính: "
                                + "nhiệm vụ số 3 do " + haNoiName
                                + " chủ trì đến hạn ngày 24/03/2025, còn 5 ngày làm việc");
        MimeMessage reminder = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains("Báo cáo kỳ"))
                .findFirst()
                .orElseThrow();
        long assignment = jdbc.queryForObject("select id from assignment where lead_unit_id = ?", Long.class, lamDong);
        assertThat(((String) reminder.getContent()).replace("\r\n", "\n"))
                .contains("Xem chi tiết: https://congviec.noivu.example.vn/assignments/" + assignment);
    }

    /**
     * Deadlines of three units' assignments (two due in 5 working days, one overdue): two scanners on
     * two threads, each scanning three times at once, then a scanner built anew (a restarted node),
     * then two senders at once. Each person gets each notice once, and each e-mail once.
     */
    @Test
    void twoScannersAndTwoSendersAtOnceNotifyAndMailExactlyOnce() throws Exception {
        startSmtp();
        LocalDate today = LocalDate.now();
        PriorityTask t3 = workflow.task(3);
        Map<String, Long> provinces = Map.of(
                "SNV-68",
                workflow.unit("SNV-68").getId(),
                "SNV-01",
                workflow.unit("SNV-01").getId(),
                "V-CCHC",
                workflow.unit("V-CCHC").getId());
        login("quanly");
        assignments.assign(workflow.draft(t3, Set.copyOf(provinces.values()), today.plusDays(60)));
        logout();
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
        LocalDate soon = workingDays.addWorkingDays(today, 5);
        jdbc.update(
                "update assignment set deadline = ? where lead_unit_id in (?, ?)",
                soon,
                provinces.get("SNV-68"),
                provinces.get("V-CCHC"));
        jdbc.update(
                "update assignment set deadline = ? where lead_unit_id = ?",
                today.minusDays(3),
                provinces.get("SNV-01"));
        int people = 6; // officer and head of each unit

        List<DeadlineScanner> nodes = List.of(newScanner(), newScanner());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> runs = new ArrayList<>();
        for (DeadlineScanner node : nodes) {
            runs.add(pool.submit(() -> {
                start.await();
                int created = 0;
                int there = 0;
                for (int i = 0; i < 3; i++) {
                    DeadlineScanner.Result r = node.scan(today);
                    created += r.created();
                    there += r.alreadyThere();
                }
                return new int[] {created, there};
            }));
        }
        start.countDown();
        int[] a = runs.get(0).get();
        int[] b = runs.get(1).get();
        DeadlineScanner.Result restarted = newScanner().scan(today);
        System.out.printf(
                "Scanner A: %d written, %d already there; scanner B: %d written, %d already there; "
                        + "restarted node: %d written, %d already there%n",
                a[0], a[1], b[0], b[1], restarted.created(), restarted.alreadyThere());
        assertThat(a[0] + b[0])
                .as("notifications written by both scanners together")
                .isEqualTo(people);
        assertThat(restarted.created()).isZero();
        assertThat(restarted.alreadyThere()).isEqualTo(people);
        assertThat(inbox.count("select count(*) from notification")).isEqualTo(people);
        assertThat(inbox.count("select count(distinct recipient_id || ':' || event_key) from notification"))
                .isEqualTo(people);
        assertThat(
                        inbox.count(
                                "select count(*) from notification where kind = 'DEADLINE_SOON' and event_key like 'deadline:5:%'"))
                .isEqualTo(4);
        assertThat(inbox.count("select count(*) from notification where kind = 'OVERDUE'"))
                .isEqualTo(2);
        assertThat(inbox.count("select count(*) from notification_outbox")).isEqualTo(people);

        CountDownLatch go = new CountDownLatch(1);
        OutboxSender other = new OutboxSender(jdbcTemplate, mailSender, NOTIFY);
        List<Future<Integer>> sends = new ArrayList<>();
        for (OutboxSender node : List.of(sender, other)) {
            Callable<Integer> job = () -> {
                go.await();
                return node.sendDue(LocalDateTime.now()) + node.sendDue(LocalDateTime.now());
            };
            sends.add(pool.submit(job));
        }
        go.countDown();
        int sentA = sends.get(0).get();
        int sentB = sends.get(1).get();
        pool.shutdown();
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> perPersonAndSubject = Arrays.stream(received)
                .collect(Collectors.groupingBy(
                        m -> recipients(new MimeMessage[] {m}) + " " + subject(m), Collectors.counting()));
        System.out.printf(
                "Sender A sent %d, sender B sent %d; GreenMail received %d e-mails, %d distinct "
                        + "(recipient, subject), most copies of one: %d%n",
                sentA,
                sentB,
                received.length,
                perPersonAndSubject.size(),
                perPersonAndSubject.values().stream().mapToLong(x -> x).max().orElse(0));
        assertThat(sentA + sentB).isEqualTo(people);
        assertThat(received).hasSize(people);
        assertThat(perPersonAndSubject.values()).containsOnly(1L);
        assertThat(perPersonAndSubject).hasSize(people);
        assertThat(Arrays.stream(received).map(this::subject))
                .anyMatch(s -> s.contains("đến hạn ngày") && s.contains("còn 5 ngày làm việc"))
                .anyMatch(s -> s.contains("đã quá hạn 3 ngày (hạn "));
    }

    private DeadlineScanner newScanner() {
        return new DeadlineScanner(dueDates, new ScanFrame(workingDays, store, notifier), store, NOTIFY);
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage[] messages) {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            try {
                Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString)
                        .forEach(to::add);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }
}
