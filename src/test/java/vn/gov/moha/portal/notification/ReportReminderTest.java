package vn.gov.moha.portal.notification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.PeriodRules;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * Deadline notices to the coordinating units, and reminders of periodic reports, on the shipped
 * working-day calendar and the portal's period rules: two scanners at once write each notice once; a
 * reminder 3 and 1 working days before the due date unless the report was sent, a due date moved off
 * Tết Ất Tỵ 2025 moves the reminders, and one "report missing" notice after the due date.
 */
@PortalTest
class ReportReminderTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationFixture inbox;

    @Autowired
    AssignmentService assignments;

    private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** portal.notify.deadline-days=5,1, report-days=3,1. */
    private static final NotifyProperties NOTIFY = new NotifyProperties(List.of(5, 1), List.of(3, 1), null);

    @Autowired
    DeadlineScanner deadlineScanner;

    @Autowired
    ReportReminders reminders;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    ReportingPeriods periods;

    @Autowired
    NotificationStore store;

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationService notifications;

    @Autowired
    DueDates dueDates;

    private final Translations translations = new Translations();

    /** quanly assigns task 3: Lâm Đồng leads, Vụ Cải cách hành chính coordinates; dated or monthly. */
    private long assignTask3(LocalDate deadline, ReportingPeriod period) {
        PriorityTask t3 = workflow.task(3);
        long lamDong = workflow.unit("SNV-68").getId();
        long cchc = workflow.unit("V-CCHC").getId();
        login("quanly");
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(lamDong),
                Set.of(cchc),
                period != null,
                period == null ? LocalDate.now().plusDays(30) : null,
                period,
                "Báo cáo kết quả tinh giản biên chế",
                List.of(new AssignDraft.IndicatorDraft("Số biên chế tinh giản", "người", new BigDecimal("120"))),
                null,
                "Thực hiện theo Nghị định 29/2023/NĐ-CP",
                WorkflowFixture.document()));
        logout();
        if (deadline != null) {
            jdbc.update("update assignment set deadline = ? where task_id = ?", deadline, t3.getId());
        }
        jdbc.update("delete from notification_outbox");
        jdbc.update("delete from notification");
        return jdbc.queryForObject("select id from assignment where task_id = ?", Long.class, t3.getId());
    }

    /** The person's notices as they read them in Vietnamese, oldest first. */
    private List<String> texts(String username, Locale locale) {
        return jdbc.query(
                "select n.message_key, n.params from notification n join app_user u on u.id = n.recipient_id "
                        + "where u.username = ? order by n.id",
                (rs, i) -> translations.getTranslation(
                        rs.getString(1), locale, (Object[]) rs.getString(2).split(NotificationStore.SEPARATOR, -1)),
                username);
    }

    /** Two nodes start at once, each scanning twice on the day: the notices each wrote. */
    private static List<Integer> twoNodesScanTwice(
            LocalDate day,
            Function<LocalDate, DeadlineScanner.Result> node1,
            Function<LocalDate, DeadlineScanner.Result> node2)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Function<LocalDate, DeadlineScanner.Result> node : List.of(node1, node2)) {
            runs.add(pool.submit(() -> {
                start.await();
                return node.apply(day).created() + node.apply(day).created();
            }));
        }
        start.countDown();
        List<Integer> created = new ArrayList<>();
        for (Future<Integer> f : runs) {
            created.add(f.get());
        }
        pool.shutdown();
        return created;
    }

    @Test
    void coordinatingUnitStaffGetTheDeadlineNoticeOnceWithTheirOwnText() throws Exception {
        LocalDate deadline = LocalDate.of(2025, 2, 7);
        long a = assignTask3(deadline, null);
        LocalDate day = LocalDate.of(2025, 1, 24); // 5 working days before Friday 7/2/2025 across Tết
        List<Integer> created = twoNodesScanTwice(
                day,
                new DeadlineScanner(dueDates, new ScanFrame(workingDays, store, notifier), store, NOTIFY)::scan,
                new DeadlineScanner(dueDates, new ScanFrame(workingDays, store, notifier), store, NOTIFY)::scan);
        DeadlineScanner.Result again = deadlineScanner.scan(day);
        System.out.printf(
                "Deadline 07/02/2025, lead Lâm Đồng + coordinating Vụ CCHC, two scanners x 2 scans on "
                        + "24/01/2025: written %s, a third scan wrote %d (%d already there)%n",
                created, again.created(), again.alreadyThere());
        for (String who : List.of("lamdong.cv", "lamdong.truong", "cchc.cv", "cchc.truong")) {
            System.out.printf("  %s: %s%n", who, texts(who, Translations.VIETNAMESE));
            assertThat(inbox.noticesOfKind(who, NotificationKind.DEADLINE_SOON))
                    .as(who)
                    .containsExactly("deadline:5:assignment:" + a + ":2025-02-07");
        }
        assertThat(created.get(0) + created.get(1)).isEqualTo(4);
        assertThat(again.created()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(4);
        assertThat(texts("cchc.cv", Translations.VIETNAMESE))
                .singleElement()
                .asString()
                .startsWith("Đơn vị phối hợp Vụ Cải cách hành chính: nhiệm vụ số 3 do Sở Nội vụ")
                .contains("Lâm Đồng chủ trì đến hạn ngày 07/02/2025, còn 5 ngày làm việc");
        assertThat(texts("cchc.truong", Locale.ENGLISH))
                .singleElement()
                .asString()
                .startsWith("Coordinating unit Vụ Cải cách hành chính: task 3 led by Sở Nội vụ");
        assertThat(texts("lamdong.cv", Translations.VIETNAMESE))
                .singleElement()
                .asString()
                .startsWith("Nhiệm vụ số 3 của Sở Nội vụ")
                .doesNotContain("phối hợp");
        assertThat(inbox.noticesOfKind("tcbc.cv", NotificationKind.DEADLINE_SOON))
                .as("a unit not in it")
                .isEmpty();

        deadlineScanner.scan(LocalDate.of(2025, 2, 8)); // overdue
        assertThat(texts("cchc.truong", Translations.VIETNAMESE))
                .last()
                .asString()
                .startsWith("Đơn vị phối hợp Vụ Cải cách hành chính: nhiệm vụ số 3 do")
                .endsWith("đã quá hạn 1 ngày (hạn 07/02/2025)");
        assertThat(inbox.noticesOfKind("cchc.cv", NotificationKind.OVERDUE)).hasSize(1);
    }

    /** Daily scans from {@code from} to {@code to}: which notice each day raised for lamdong.cv. */
    private List<String> scanDaily(ReportReminders scanner, LocalDate from, LocalDate to) {
        List<String> raised = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int before = inbox.notices("lamdong.cv").size();
            scanner.scan(day);
            List<String> now = texts("lamdong.cv", Translations.VIETNAMESE);
            for (String text : now.subList(before, now.size())) {
                raised.add(D.format(day) + " " + text);
            }
        }
        System.out.printf(
                "Monthly report, daily scans %s..%s raised for lamdong.cv: %s%n", D.format(from), D.format(to), raised);
        return raised;
    }

    private void created(long assignmentId, LocalDate day) {
        jdbc.update(
                "update assignment set created_at = ? where id = ?", Timestamp.valueOf(day.atTime(9, 0)), assignmentId);
    }

    private void sent(long assignmentId, Period p, LocalDateTime firstSubmitted, String status) {
        long officer = inbox.userId("lamdong.cv");
        long unitId = jdbc.queryForObject("select lead_unit_id from assignment where id = ?", Long.class, assignmentId);
        Timestamp at = Timestamp.valueOf(firstSubmitted);
        boolean draft = "DRAFT".equals(status);
        jdbc.update(
                "insert into progress_report (assignment_id, unit_id, percent_complete, confidence, narrative, "
                        + "status, round, current_step, created_by, created_at, submitted_by, submitted_at, "
                        + "first_submitted_at, period_key, period_start, period_end) "
                        + "values (?, ?, 50, 'ON_TRACK', 'Báo cáo kỳ', ?, 1, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                assignmentId,
                unitId,
                status,
                officer,
                at,
                draft ? null : officer,
                draft ? null : at,
                draft ? null : at,
                p.key(),
                p.from(),
                p.to());
    }

    @Test
    void reminderThreeAndOneWorkingDaysBeforeTheDueDateThenOneMissingNotice() {
        long a = assignTask3(null, ReportingPeriod.MONTHLY);
        created(a, LocalDate.of(2025, 2, 20)); // after February's cut-off (14/02): March is the first owed
        // Tháng 3/2025 is due on Thursday 20/03/2025: 3 working days before is Monday 17/03
        List<String> raised = scanDaily(reminders, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 31));
        assertThat(raised)
                .containsExactly(
                        "17/03/2025 Báo cáo kỳ tháng 3/2025 nhiệm vụ số 3 hạn gửi 20/03/2025 (còn 3 ngày làm việc)",
                        "19/03/2025 Báo cáo kỳ tháng 3/2025 nhiệm vụ số 3 hạn gửi 20/03/2025 (còn 1 ngày làm việc)",
                        "21/03/2025 Chưa gửi báo cáo kỳ tháng 3/2025 nhiệm vụ số 3: hạn gửi 20/03/2025 đã qua 1 ngày");
        assertThat(inbox.noticesOfKind("lamdong.truong", NotificationKind.REPORT_DUE))
                .as("the unit head too")
                .containsExactly(
                        "report-due:3:assignment:" + a + ":2025-M03",
                        "report-due:1:assignment:" + a + ":2025-M03",
                        "report-missing:assignment:" + a + ":2025-M03");
        assertThat(inbox.noticesOfKind("cchc.cv", NotificationKind.REPORT_DUE))
                .as("only the lead unit reports")
                .isEmpty();
        assertThat(texts("lamdong.cv", Locale.ENGLISH))
                .containsExactly(
                        "The report for March 2025 on task 3 is due on 20 March 2025 (3 working days left)",
                        "The report for March 2025 on task 3 is due on 20 March 2025 (1 working day left)",
                        "The report for March 2025 on task 3 was due on 20 March 2025 and is still missing (1 day)");
        assertThat(jdbc.queryForList("select distinct target from notification", String.class))
                .containsExactly("assignments/" + a);
    }

    @Test
    void aTaskCompletedAfterThePeriodOpenedStillOwesItsReportAsOnTheReportingScreen() {
        long a = assignTask3(null, ReportingPeriod.MONTHLY);
        created(a, LocalDate.of(2025, 2, 20));
        // March opened for reporting after February's due date (20/02): completed on 18/03, March is still owed
        jdbc.update("update assignment set completed_on = ? where id = ?", java.sql.Date.valueOf("2025-03-18"), a);
        assertThat(scanDaily(reminders, LocalDate.of(2025, 3, 18), LocalDate.of(2025, 3, 21)))
                .containsExactly(
                        // the first scan after the 3-day mark catches up with it
                        "18/03/2025 Báo cáo kỳ tháng 3/2025 nhiệm vụ số 3 hạn gửi 20/03/2025 (còn 2 ngày làm việc)",
                        "19/03/2025 Báo cáo kỳ tháng 3/2025 nhiệm vụ số 3 hạn gửi 20/03/2025 (còn 1 ngày làm việc)",
                        "21/03/2025 Chưa gửi báo cáo kỳ tháng 3/2025 nhiệm vụ số 3: hạn gửi 20/03/2025 đã qua 1 ngày");

        // completed before March opened: March is not owed, nothing more comes
        jdbc.update("update assignment set completed_on = ? where id = ?", java.sql.Date.valueOf("2025-02-19"), a);
        assertThat(scanDaily(reminders, LocalDate.of(2025, 4, 14), LocalDate.of(2025, 4, 23)))
                .isEmpty();
    }

    @Test
    void noReminderNorMissingNoticeOnceTheReportForThatPeriodWasSent() {
        long a = assignTask3(null, ReportingPeriod.MONTHLY);
        created(a, LocalDate.of(2025, 2, 20));
        Period march = periods.byKey("2025-M03").orElseThrow();
        sent(a, march, LocalDateTime.of(2025, 3, 12, 10, 0), "DRAFT");
        assertThat(reminders.scan(LocalDate.of(2025, 3, 17)).created())
                .as("a draft is not a report sent")
                .isEqualTo(2);
        sent(a, march, LocalDateTime.of(2025, 3, 17, 15, 0), "SUBMITTED");
        List<String> raised = scanDaily(reminders, LocalDate.of(2025, 3, 18), LocalDate.of(2025, 3, 31));
        assertThat(raised)
                .as("sent on 17/03: no 1-day reminder, no missing notice")
                .isEmpty();

        // a report sent late (first submitted after the due date) stops the missing notice too
        Period april = periods.byKey("2025-M04").orElseThrow();
        sent(a, april, LocalDateTime.of(2025, 4, 21, 8, 0), "RETURNED");
        assertThat(april.due()).isEqualTo(LocalDate.of(2025, 4, 21)); // Sunday 20/04 -> Monday 21/04
        assertThat(scanDaily(reminders, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 25)))
                .isEmpty();
    }

    @Test
    void aDueDateMovedOffTetMovesTheRemindersAndTheMissingNotice() {
        // a rule that puts January's report on the 28th: Tuesday 28/01/2025 is in Tết, due Monday 03/02/2025
        PeriodRules.Rule rule = new PeriodRules.Rule(14, 28, 0);
        ReportingPeriods tet = new ReportingPeriods(new PeriodRules(rule, rule, rule, rule), workingDays);
        ReportReminders scanner = new ReportReminders(dueDates, store, workingDays, tet, notifier, NOTIFY);
        Period january = tet.byKey("2025-M01").orElseThrow();
        assertThat(january.due()).isEqualTo(LocalDate.of(2025, 2, 3));
        long a = assignTask3(null, ReportingPeriod.MONTHLY);
        created(a, LocalDate.of(2025, 1, 2));
        // working days before 03/02: 22/01, 23/01, 24/01, then Tết 25/01 - 02/02
        List<String> raised = scanDaily(scanner, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 5));
        assertThat(raised)
                .containsExactly(
                        "22/01/2025 Báo cáo kỳ tháng 1/2025 nhiệm vụ số 3 hạn gửi 03/02/2025 (còn 3 ngày làm việc)",
                        "24/01/2025 Báo cáo kỳ tháng 1/2025 nhiệm vụ số 3 hạn gửi 03/02/2025 (còn 1 ngày làm việc)",
                        "04/02/2025 Chưa gửi báo cáo kỳ tháng 1/2025 nhiệm vụ số 3: hạn gửi 03/02/2025 đã qua 1 ngày");
    }

    @Test
    void twoReportScannersAtOnceWriteEachNoticeOnce() throws Exception {
        long a = assignTask3(null, ReportingPeriod.QUARTERLY);
        created(a, LocalDate.of(2025, 1, 2));
        // Quý I/2025 is due on Thursday 20/03/2025; Monday 17/03 is 3 working days before it
        LocalDate day = LocalDate.of(2025, 3, 17);
        List<Integer> created = twoNodesScanTwice(
                day,
                new ReportReminders(dueDates, store, workingDays, periods, notifier, NOTIFY)::scan,
                new ReportReminders(dueDates, store, workingDays, periods, notifier, NOTIFY)::scan);
        DeadlineScanner.Result again = reminders.scan(day);
        System.out.printf(
                "Quarterly report, two scanners x 2 scans on 17/03/2025: written %s; a third scan wrote %d; "
                        + "notices: %d, outbox: %d%n",
                created,
                again.created(),
                inbox.count("select count(*) from notification"),
                inbox.count("select count(*) from notification_outbox"));
        assertThat(created.get(0) + created.get(1)).isEqualTo(2);
        assertThat(again.created()).isZero();
        assertThat(inbox.count("select count(*) from notification")).isEqualTo(2);
        assertThat(inbox.count("select count(*) from notification_outbox")).isEqualTo(2);
        assertThat(texts("lamdong.truong", Translations.VIETNAMESE))
                .containsExactly("Báo cáo kỳ quý I/2025 nhiệm vụ số 3 hạn gửi 20/03/2025 (còn 3 ngày làm việc)");
        assertThat(texts("lamdong.truong", Locale.ENGLISH))
                .containsExactly("The report for Q1 2025 on task 3 is due on 20 March 2025 (3 working days left)");
    }

    @Test
    void theSettingsScreenHasTheNewKindAndTheNoticeOpensTheAssignment() {
        long a = assignTask3(null, ReportingPeriod.MONTHLY);
        created(a, LocalDate.of(2025, 2, 20));
        reminders.scan(LocalDate.of(2025, 3, 17));
        login("lamdong.cv");
        navigate("notifications");
        @SuppressWarnings("unchecked")
        Grid<NotificationItem> grid = _get(Grid.class);
        NotificationItem item = GridKt._get(grid, 0);
        assertThat(item.kind()).isEqualTo(NotificationKind.REPORT_DUE);
        assertThat(notifications.open(item.id())).contains("assignments/" + a);
        UI.getCurrent().navigate("assignments/" + a);
        String opened = UI.getCurrent().getInternals().getActiveViewLocation().getPath();

        navigate("notifications/settings");
        NotificationSettingsView settings = _get(NotificationSettingsView.class);
        Checkbox box = settings.boxes.get(NotificationKind.REPORT_DUE);
        System.out.printf(
                "lamdong.cv: notice %s opens %s; settings row \"%s\" (%s)%n",
                item.messageKey(), opened, box.getLabel(), box.getHelperText());
        assertThat(opened).isEqualTo("assignments/" + a);
        assertThat(box.getLabel()).isEqualTo("Báo cáo định kỳ đến hạn");
        assertThat(box.getHelperText()).startsWith("Khi báo cáo định kỳ của đơn vị đồng chí");
        box.setValue(false);
        _click(settings.save);
        assertThat(notifications.emailChoices())
                .containsEntry(NotificationKind.REPORT_DUE, false)
                .containsEntry(NotificationKind.DEADLINE_SOON, true);
    }
}
