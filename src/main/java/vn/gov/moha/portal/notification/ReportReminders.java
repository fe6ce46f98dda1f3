package vn.gov.moha.portal.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * The scheduled scan of periodic reports (ongoing assignments with a reporting period), on the portal's
 * own period rules ({@link ReportingPeriods}: the due date moved to the next working day when it falls on
 * a day off). For each assignment whose lead unit owes a report for the period due next
 * ({@link DueDates#unsentReports}, the reporting screen's rule) and has not sent one (a first submission
 * counts): a notice N working days before its
 * due date (N from {@code portal.notify.report-days}, default 3 and 1; the nearest N reached); and once
 * the due date of the last period has passed with nothing sent, one "report missing" notice for it. To the
 * lead unit's officers and head, kind {@link NotificationKind#REPORT_DUE}; clicking opens the assignment.
 *
 * <p>One statement finds every (assignment, period) owed and not sent, over at most eight periods (the next
 * and the last of each kind); two more read the lead units' staff and the notices already written (more only
 * past 1,000 units or event keys), leaving out those already notified; each notice is then written in its own
 * transaction, where the unique key (recipient_id, event_key) makes a twin scan skip it.
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final DueDates dueDates;
    private final NotificationStore store;
    private final WorkingDays workingDays;
    private final ReportingPeriods periods;
    private final Notifier notifier;
    private final List<Integer> days;

    ReportReminders(
            DueDates dueDates,
            NotificationStore store,
            WorkingDays workingDays,
            ReportingPeriods periods,
            Notifier notifier,
            NotifyProperties notify) {
        this.dueDates = dueDates;
        this.store = store;
        this.workingDays = workingDays;
        this.periods = periods;
        this.notifier = notifier;
        this.days = notify.reportDays();
    }

    @Scheduled(cron = "${portal.notify.scan-cron:0 0 7 * * *}")
    @SchedulerLock(name = "report-scan", lockAtLeastFor = "PT5M") // held 5 min: a node whose clock lags skips
    void scheduledScan() {
        long start = System.nanoTime();
        DeadlineScanner.Result r = scan(LocalDate.now());
        log.info(
                "Report scan: {} notifications written, {} already there, {} ms",
                r.created(),
                r.alreadyThere(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** A period to look at and the notice it gives: a reminder with the N reached, or "missing" (n null). */
    private record Due(Period period, Integer reached, String eventPrefix) {}

    /** Scans as of {@code today}; safe to run again, and at the same time on another node. */
    public DeadlineScanner.Result scan(LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (ReportingPeriod kind : ReportingPeriod.values()) {
            Period next = periods.dueNext(kind, today); // the earliest period whose due date is today or later
            int left = workingDays.workingDaysBetween(today, next.due());
            days.stream()
                    .filter(n -> left <= n)
                    .findFirst()
                    .ifPresent(n -> due.add(new Due(next, n, "report-due:" + n + ":assignment:")));
            due.add(new Due(periods.previous(next), null, "report-missing:assignment:"));
        }
        int created = 0;
        int there = 0;
        for (Pending p : pending(due)) {
            if (notifier.notifyOneAlone(p.personId(), message(p, today))) {
                created++;
            } else {
                there++;
            }
        }
        return new DeadlineScanner.Result(created, there);
    }

    /** Who is still to be told what: the reports not sent, their lead units' staff, the notices already there. */
    private List<Pending> pending(List<Due> due) {
        List<DueDates.UnsentReport> unsent = dueDates.unsentReports(due.stream()
                .map(d -> new DueDates.AskedPeriod(
                        d.period(), periods.previous(d.period()).due()))
                .toList());
        Set<Long> units = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (DueDates.UnsentReport u : unsent) {
            units.add(u.lead().id());
            keys.add(eventKey(due.get(u.asked()), u.assignmentId()));
        }
        Map<Long, List<Long>> staff = store.staffByUnit(units, WorkflowNotifications.UNIT_STAFF);
        Set<String> written = store.existing(keys);
        List<Pending> pending = new ArrayList<>();
        for (DueDates.UnsentReport u : unsent) {
            Due d = due.get(u.asked());
            for (Long person : staff.getOrDefault(u.lead().id(), List.of())) {
                if (!written.contains(NotificationStore.personEvent(person, eventKey(d, u.assignmentId())))) {
                    pending.add(new Pending(
                            d, u.assignmentId(), u.taskNumber(), u.lead().name(), person));
                }
            }
        }
        return pending;
    }

    private static String eventKey(Due due, long assignmentId) {
        return due.eventPrefix() + assignmentId + ":" + due.period().key();
    }

    private record Pending(Due due, long assignmentId, int taskNumber, String leadUnit, long personId) {}

    /**
     * The notice: its text names the period in the reader's language, e.g. "Báo cáo kỳ tháng 3/2025 nhiệm
     * vụ số 3 hạn nộp 20/03/2025 (còn 3 ngày làm việc)"; {0} task, {1} due date, {2} working days left (days
     * late for a missing report), {3} lead unit, {4}-{7} the period's label arguments.
     */
    private Notifier.Message message(Pending p, LocalDate today) {
        Period period = p.due().period();
        boolean missing = p.due().reached() == null;
        long count = missing
                ? ChronoUnit.DAYS.between(period.due(), today)
                : workingDays.workingDaysBetween(today, period.due());
        List<String> params = new ArrayList<>(List.of(
                String.valueOf(p.taskNumber()),
                WorkflowNotifications.DATE.format(period.due()),
                String.valueOf(count),
                p.leadUnit()));
        for (Object arg : period.labelArgs()) {
            params.add(String.valueOf(arg));
        }
        String label = period.labelKey().substring("period.label.".length()); // MONTHLY, SEMIANNUAL.1, ...
        return new Notifier.Message(
                NotificationKind.REPORT_DUE,
                eventKey(p.due(), p.assignmentId()),
                (missing ? "notification.reportMissing." : "notification.reportDue.") + label,
                params,
                "assignments/" + p.assignmentId());
    }
}
