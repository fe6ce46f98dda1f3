package vn.gov.moha.portal.notification;

import jakarta.persistence.EntityManager;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;
import vn.gov.moha.portal.security.Role;

/**
 * Turns the workflow's events into notifications, in the transaction of the action (the listener runs
 * synchronously inside it): if the action rolls back, so do its notifications and e-mails.
 */
@Component
class WorkflowNotifications {

    static final List<Role> UNIT_STAFF = List.of(Role.UNIT_OFFICER, Role.UNIT_HEAD);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifier notifier;
    private final NotificationStore store;
    private final JdbcTemplate jdbc;
    private final EntityManager em;

    WorkflowNotifications(Notifier notifier, NotificationStore store, JdbcTemplate jdbc, EntityManager em) {
        this.notifier = notifier;
        this.store = store;
        this.jdbc = jdbc;
        this.em = em;
    }

    @EventListener
    void assigned(WorkflowEvents.Assigned e) {
        Map<String, Object> a = assignment(e.assignmentId());
        for (Long unit : e.unitIds()) {
            List<Long> people = without(store.staff(List.of(unit), UNIT_STAFF), Set.of(e.actorId()));
            notifier.notify(people, new Notifier.Message(NotificationKind.ASSIGNED,
                    "assigned:assignment:" + e.assignmentId() + ":unit:" + unit, "notification.assigned",
                    List.of(number(a), leadUnit(a)), "assignments/" + e.assignmentId()));
        }
    }

    @EventListener
    void reportWaiting(WorkflowEvents.ReportWaiting e) {
        Map<String, Object> a = assignment(e.assignmentId());
        List<Long> people = e.unitId() == null ? store.withRole(e.role())
                : store.staff(List.of(e.unitId()), List.of(e.role()));
        notifier.notify(without(people, e.notUserIds()), new Notifier.Message(NotificationKind.REPORT_WAITING,
                "waiting:report:" + e.reportId() + ":round:" + e.round() + ":step:" + e.step(),
                "notification.reportWaiting", List.of(number(a), leadUnit(a)), "reports/" + e.reportId()));
    }

    @EventListener
    void reportDecided(WorkflowEvents.ReportDecided e) {
        Map<String, Object> a = assignment(e.assignmentId());
        Set<Long> people = new LinkedHashSet<>();
        people.add(e.authorId());
        people.addAll(store.staff(List.of(e.unitId()), List.of(Role.UNIT_HEAD)));
        notifier.notify(without(new ArrayList<>(people), Set.of(e.actorId())), new Notifier.Message(
                NotificationKind.REPORT_DECIDED,
                "decided:report:" + e.reportId() + ":round:" + e.round() + ":" + (e.approved() ? "approved" : "returned"),
                e.approved() ? "notification.reportApproved" : "notification.reportReturned",
                List.of(number(a), leadUnit(a)), "reports/" + e.reportId()));
    }

    @EventListener
    void extensionDecided(WorkflowEvents.ExtensionDecided e) {
        Map<String, Object> a = assignment(e.assignmentId());
        List<Long> people = without(store.staff(List.of(e.unitId()), UNIT_STAFF), Set.of(e.actorId()));
        notifier.notify(people, new Notifier.Message(NotificationKind.EXTENSION_DECIDED,
                "extension:" + e.requestId() + ":" + (e.approved() ? "approved" : "rejected"),
                e.approved() ? "notification.extensionApproved" : "notification.extensionRejected",
                List.of(number(a), deadline(a)), "assignments/" + e.assignmentId()));
    }

    /** Task number, lead unit name and deadline of an assignment, as the action left them. */
    private Map<String, Object> assignment(long id) {
        em.flush();
        return jdbc.queryForMap("select t.number as task_number, u.name_vi as unit_name, a.deadline as deadline "
                + "from assignment a join priority_task t on t.id = a.task_id join org_unit u on u.id = a.lead_unit_id "
                + "where a.id = ?", id);
    }

    private static String number(Map<String, Object> a) {
        return String.valueOf(a.get("task_number"));
    }

    private static String leadUnit(Map<String, Object> a) {
        return String.valueOf(a.get("unit_name"));
    }

    private static String deadline(Map<String, Object> a) {
        Object d = a.get("deadline");
        if (d == null) {
            return "-";
        }
        return DATE.format(d instanceof java.sql.Date sql ? sql.toLocalDate() : (java.time.LocalDate) d);
    }

    private static List<Long> without(List<Long> people, Set<Long> excluded) {
        return people.stream().filter(p -> !excluded.contains(p)).toList();
    }
}
