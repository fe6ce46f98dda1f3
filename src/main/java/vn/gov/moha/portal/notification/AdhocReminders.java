package vn.gov.moha.portal.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * The scheduled scan of ad hoc and thematic requests: for each asked unit that has not sent its answer, a
 * notice N working days before the due date (N from {@code portal.notify.report-days}, default 3 and 1; the
 * nearest N reached), and once the due date has passed, one "overdue" notice; to the unit's officers and head.
 * Each is written once per person (the unique key on recipient and event key), in its own transaction, as the
 * other scans do; one statement finds the answers, two more the staff and the notices already written.
 */
@Component
public class AdhocReminders {

    private static final Logger log = LoggerFactory.getLogger(AdhocReminders.class);

    private final DueDates dueDates;
    private final ScanFrame frame;
    private final NotificationStore store;
    private final List<Integer> days;

    AdhocReminders(DueDates dueDates, ScanFrame frame, NotificationStore store, NotifyProperties notify) {
        this.dueDates = dueDates;
        this.frame = frame;
        this.store = store;
        this.days = notify.reportDays();
    }

    @Scheduled(cron = "${portal.notify.scan-cron:0 0 7 * * *}")
    @SchedulerLock(name = "adhoc-scan", lockAtLeastFor = "PT5M") // held 5 min: a node whose clock lags skips
    void scheduledScan() {
        ScanFrame.run(log, "Ad hoc report scan", () -> scan(LocalDate.now()));
    }

    /** Scans as of {@code today}; safe to run again, and at the same time on another node. */
    public DeadlineScanner.Result scan(LocalDate today) {
        List<DueDates.UnsentAdhoc> unsent = dueDates.unsentAdhocDueBy(frame.horizon(today, days));
        Map<DueDates.UnsentAdhoc, Notifier.Message> due = new LinkedHashMap<>();
        Set<Long> units = new HashSet<>();
        for (DueDates.UnsentAdhoc u : unsent) {
            Notifier.Message m = message(u, today);
            if (m != null) {
                due.put(u, m);
                units.add(u.unit().id());
            }
        }
        Map<Long, List<Long>> staff = store.staffByUnit(units, WorkflowNotifications.UNIT_STAFF);
        List<ScanFrame.Notice> notices = new ArrayList<>();
        due.forEach((u, m) -> staff.getOrDefault(u.unit().id(), List.of())
                .forEach(person -> notices.add(new ScanFrame.Notice(person, m))));
        return frame.write(notices);
    }

    /** The notice an unsent answer gets today, if any: overdue once, or due within the nearest N reached. */
    Notifier.@Nullable Message message(DueDates.UnsentAdhoc u, LocalDate today) {
        String due = WorkflowNotifications.DATE.format(u.due());
        String title = WorkflowNotifications.shortTitle(u.title());
        String target = "adhoc/" + u.requestId();
        if (today.isAfter(u.due())) {
            return new Notifier.Message(
                    NotificationKind.ADHOC_REPORT,
                    "adhoc-overdue:answer:" + u.answerId() + ":" + u.due(),
                    "notification.adhocOverdue",
                    List.of(title, due, String.valueOf(ChronoUnit.DAYS.between(u.due(), today))),
                    target);
        }
        int left = frame.workingDaysLeft(today, u.due());
        Integer reached = ScanFrame.reached(left, days);
        if (reached == null) {
            return null;
        }
        return new Notifier.Message(
                NotificationKind.ADHOC_REPORT,
                "adhoc-due:" + reached + ":answer:" + u.answerId() + ":" + u.due(),
                "notification.adhocDue",
                List.of(title, due, String.valueOf(left)),
                target);
    }
}
