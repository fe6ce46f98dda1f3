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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * The scheduled deadline scan: for every open dated assignment, a notice when its deadline is N working
 * days away (N from {@code portal.notify.deadline-days}, default 5 and 1; the nearest N reached), and
 * once overdue, a notice in each week after the deadline until it is completed or extended; to the
 * officers and head of the lead unit and of each coordinating unit (their text names their unit as the
 * coordinating one). Each notice is one row per person and event key, written in its own transaction:
 * the unique key makes a second scan, a restarted node or a second node skip it. The assignments and their
 * coordinating units ({@link DueDates}), the staff of all those units and the notices already written are
 * read in four statements per scan (more only past 1,000 units or event keys), so a scan that finds nothing
 * new writes nothing.
 */
@Component
public class DeadlineScanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    /** What one scan did: notifications written, and the ones another scan had already written. */
    public record Result(int created, int alreadyThere) {}

    private final DueDates dueDates;
    private final ScanFrame frame;
    private final NotificationStore store;
    private final List<Integer> days;

    DeadlineScanner(DueDates dueDates, ScanFrame frame, NotificationStore store, NotifyProperties notify) {
        this.dueDates = dueDates;
        this.frame = frame;
        this.store = store;
        this.days = notify.deadlineDays();
    }

    @Scheduled(cron = "${portal.notify.scan-cron:0 0 7 * * *}")
    @SchedulerLock(name = "deadline-scan", lockAtLeastFor = "PT5M") // held 5 min: a node whose clock lags skips
    void scheduledScan() {
        ScanFrame.run(log, "Deadline scan", () -> scan(LocalDate.now()));
    }

    /** Scans as of {@code today}; safe to run again, and at the same time on another node. */
    public Result scan(LocalDate today) {
        List<DueDates.OpenAssignment> open = dueDates.openDueBy(frame.horizon(today, days));
        Set<Long> units = new HashSet<>();
        open.forEach(a -> {
            units.add(a.lead().id());
            a.coordinators().forEach(c -> units.add(c.id()));
        });
        Map<Long, List<Long>> staff = store.staffByUnit(units, WorkflowNotifications.UNIT_STAFF);
        List<ScanFrame.Notice> notices = new ArrayList<>();
        for (DueDates.OpenAssignment a : open) {
            Notifier.Message message = message(a, today);
            if (message == null) {
                continue;
            }
            Map<Long, Notifier.Message> people = new LinkedHashMap<>(); // once per person and assignment
            staff.getOrDefault(a.lead().id(), List.of()).forEach(person -> people.put(person, message));
            for (DueDates.Unit c : a.coordinators()) {
                Notifier.Message theirs = coordinating(message, c.name());
                staff.getOrDefault(c.id(), List.of()).forEach(person -> people.putIfAbsent(person, theirs));
            }
            people.forEach((person, m) -> notices.add(new ScanFrame.Notice(person, m)));
        }
        return frame.write(notices);
    }

    /** The notice an assignment is due today, if any. */
    Notifier.Message message(DueDates.OpenAssignment a, LocalDate today) {
        String deadline = WorkflowNotifications.DATE.format(a.deadline());
        String target = "assignments/" + a.id();
        if (today.isAfter(a.deadline())) {
            long late = ChronoUnit.DAYS.between(a.deadline(), today);
            long week = (late - 1) / 7;
            return new Notifier.Message(
                    NotificationKind.OVERDUE,
                    "overdue:assignment:" + a.id() + ":" + a.deadline() + ":week:" + week,
                    "notification.overdue",
                    List.of(String.valueOf(a.taskNumber()), a.lead().name(), deadline, String.valueOf(late)),
                    target);
        }
        int left = frame.workingDaysLeft(today, a.deadline());
        Integer reached = ScanFrame.reached(left, days);
        if (reached == null) {
            return null;
        }
        return new Notifier.Message(
                NotificationKind.DEADLINE_SOON,
                "deadline:" + reached + ":assignment:" + a.id() + ":" + a.deadline(),
                "notification.deadlineSoon",
                List.of(String.valueOf(a.taskNumber()), a.lead().name(), deadline, String.valueOf(left)),
                target);
    }

    /**
     * The same notice for the staff of a coordinating unit: the same event (so a person gets it once
     * whatever the unit's part), a text that names their unit as coordinating, e.g. "Đơn vị phối hợp Vụ
     * Cải cách hành chính: nhiệm vụ số 3 do Sở Nội vụ Lâm Đồng chủ trì đến hạn ngày ...".
     */
    static Notifier.Message coordinating(Notifier.Message lead, String coordinatingUnit) {
        List<String> params = new ArrayList<>(lead.params());
        params.add(coordinatingUnit);
        return new Notifier.Message(
                lead.kind(), lead.eventKey(), lead.messageKey() + ".coordinating", params, lead.target());
    }
}
