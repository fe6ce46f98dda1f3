package vn.gov.moha.portal.notification;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.security.Role;

/**
 * The scheduled scan of periodic reports (ongoing assignments with a reporting period), on the portal's
 * own period rules ({@link ReportingPeriods}: the due date moved to the next working day when it falls on
 * a day off). For each assignment whose lead unit owes a report for the period due next
 * ({@link ReportingPeriods#OWED_SQL}, the reporting screen's rule) and has not sent one (a first submission
 * counts): a notice N working days before its
 * due date (N from {@code portal.notify.report-days}, default 3 and 1; the nearest N reached); and once
 * the due date of the last period has passed with nothing sent, one "report missing" notice for it. To the
 * lead unit's officers and head, kind {@link NotificationKind#REPORT_DUE}; clicking opens the assignment.
 *
 * <p>One statement finds every (assignment, period, person) still to notify, over at most eight periods
 * (the next and the last of each kind), leaving out those already notified; each notice is then written in
 * its own transaction, where the unique key (recipient_id, event_key) makes a twin scan skip it.
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final JdbcTemplate jdbc;
    private final WorkingDays workingDays;
    private final ReportingPeriods periods;
    private final Notifier notifier;
    private final List<Integer> days;

    ReportReminders(JdbcTemplate jdbc, WorkingDays workingDays, ReportingPeriods periods, Notifier notifier,
                    NotifyProperties notify) {
        this.jdbc = jdbc;
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
        log.info("Report scan: {} notifications written, {} already there, {} ms", r.created(), r.alreadyThere(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** A period to look at and the notice it gives: a reminder with the N reached, or "missing" (n null). */
    private record Due(Period period, Integer reached, String eventPrefix) {
    }

    /** Scans as of {@code today}; safe to run again, and at the same time on another node. */
    public DeadlineScanner.Result scan(LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (ReportingPeriod kind : ReportingPeriod.values()) {
            Period next = periods.dueNext(kind, today); // the earliest period whose due date is today or later
            int left = workingDays.workingDaysBetween(today, next.due());
            days.stream().filter(n -> left <= n).findFirst().ifPresent(n ->
                    due.add(new Due(next, n, "report-due:" + n + ":assignment:")));
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

    /** Who is still to be told what: one statement for all periods, assignments and people. */
    private List<Pending> pending(List<Due> due) {
        StringBuilder values = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Due d = due.get(i);
            values.append(values.isEmpty() ? "" : ", ").append("(cast(? as integer), cast(? as varchar(10)), "
                    + "cast(? as varchar(20)), cast(? as date), cast(? as date), cast(? as date), "
                    + "cast(? as varchar(60)))");
            args.addAll(List.of(i, d.period().key(), d.period().kind().name(), Date.valueOf(d.period().from()),
                    Date.valueOf(d.period().to()), Date.valueOf(periods.previous(d.period()).due()), d.eventPrefix()));
        }
        List<Role> roles = WorkflowNotifications.UNIT_STAFF;
        args.addAll(roles.stream().map(Role::name).toList());
        String sql = "select p.i, a.id, t.number, u.name_vi, s.id from (values " + values + ") "
                + "as p (i, period_key, kind, start_date, end_date, previous_due, event_prefix) "
                + "join assignment a on a.reporting_period = p.kind "
                + "join priority_task t on t.id = a.task_id "
                + "join org_unit u on u.id = a.lead_unit_id "
                + "join app_user s on s.unit_id = a.lead_unit_id and s.enabled = true "
                + "where " + ReportingPeriods.OWED_SQL // owed as on the reporting screen
                + " and exists (select 1 from app_user_role r where r.user_id = s.id and r.role in ("
                + String.join(", ", roles.stream().map(x -> "?").toList()) + ")) "
                + "and not exists (select 1 from progress_report r where r.assignment_id = a.id "
                + "and r.period_key = p.period_key and r.first_submitted_at is not null) "
                + "and not exists (select 1 from notification n where n.recipient_id = s.id "
                + "and n.event_key = p.event_prefix || cast(a.id as varchar(20)) || ':' || p.period_key) "
                + "order by a.id, p.i, s.id";
        return jdbc.query(sql, (rs, n) -> new Pending(due.get(rs.getInt(1)), rs.getLong(2), rs.getInt(3),
                rs.getString(4), rs.getLong(5)), args.toArray());
    }

    private record Pending(Due due, long assignmentId, int taskNumber, String leadUnit, long personId) {
    }

    /**
     * The notice: its text names the period in the reader's language, e.g. "Báo cáo kỳ tháng 3/2025 nhiệm
     * vụ số 3 hạn nộp 20/03/2025 (còn 3 ngày làm việc)"; {0} task, {1} due date, {2} working days left (days
     * late for a missing report), {3} lead unit, {4}-{7} the period's label arguments.
     */
    private Notifier.Message message(Pending p, LocalDate today) {
        Period period = p.due().period();
        boolean missing = p.due().reached() == null;
        long count = missing ? ChronoUnit.DAYS.between(period.due(), today)
                : workingDays.workingDaysBetween(today, period.due());
        List<String> params = new ArrayList<>(List.of(String.valueOf(p.taskNumber()),
                WorkflowNotifications.DATE.format(period.due()), String.valueOf(count), p.leadUnit()));
        for (Object arg : period.labelArgs()) {
            params.add(String.valueOf(arg));
        }
        String label = period.labelKey().substring("period.label.".length()); // MONTHLY, SEMIANNUAL.1, ...
        return new Notifier.Message(NotificationKind.REPORT_DUE,
                p.due().eventPrefix() + p.assignmentId() + ":" + period.key(),
                (missing ? "notification.reportMissing." : "notification.reportDue.") + label, params,
                "assignments/" + p.assignmentId());
    }
}
