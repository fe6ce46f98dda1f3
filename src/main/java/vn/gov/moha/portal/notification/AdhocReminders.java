package vn.gov.moha.portal.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.calendar.WorkingDays;
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
    private final WorkingDays workingDays;
    private final NotificationStore store;
    private final Notifier notifier;
    private final List<Integer> days;

    AdhocReminders(
            DueDates dueDates,
            WorkingDays workingDays,
            NotificationStore store,
            Notifier notifier,
            NotifyProperties notify) {
        this.dueDates = dueDates;
        this.workingDays = workingDays;
        this.store = store;
        this.notifier = notifier;
        this.days = notify.reportDays();
    }

    @Scheduled(cron = "${portal.notify.scan-cron:0 0 7 * * *}")
    @SchedulerLock(name = "adhoc-scan", lockAtLeastFor = "PT5M") // held 5 min: a node whose clock lags skips
    void scheduledScan() {
        DeadlineScanner.Result r = scan(LocalDate.now());
        log.info("Ad hoc report scan: {} notifications written, {} already there", r.created(), r.alreadyThere());
    }

    /** Scans as of {@code today}; safe to run again, and at the same time on another node. */
    public DeadlineScanner.Result scan(LocalDate today) {
        LocalDate horizon = days.isEmpty() ? today : workingDays.addWorkingDays(today, days.get(days.size() - 1));
        List<DueDates.UnsentAdhoc> unsent = dueDates.unsentAdhocDueBy(horizon);
        Set<Long> units = new HashSet<>();
        List<Notifier.@Nullable Message> messages = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (DueDates.UnsentAdhoc u : unsent) {
            Notifier.Message m = message(u, today);
            messages.add(m);
            if (m != null) {
                units.add(u.unit().id());
                keys.add(m.eventKey());
            }
        }
        Map<Long, List<Long>> staff = store.staffByUnit(units, WorkflowNotifications.UNIT_STAFF);
        Set<String> written = store.existing(keys);
        int created = 0;
        int there = 0;
        for (int i = 0; i < unsent.size(); i++) {
            Notifier.Message m = messages.get(i);
            if (m == null) {
                continue;
            }
            for (Long person : staff.getOrDefault(unsent.get(i).unit().id(), List.of())) {
                if (!written.contains(NotificationStore.personEvent(person, m.eventKey()))
                        && notifier.notifyOneAlone(person, m)) {
                    created++;
                } else {
                    there++;
                }
            }
        }
        return new DeadlineScanner.Result(created, there);
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
        int left = workingDays.workingDaysBetween(today, u.due());
        Integer reached = days.stream().filter(n -> left <= n).findFirst().orElse(null);
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
