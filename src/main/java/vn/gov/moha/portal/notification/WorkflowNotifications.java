package vn.gov.moha.portal.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;

/**
 * Turns the workflow's events into notifications, in the transaction of the action (the listener runs
 * synchronously inside it): if the action rolls back, so do its notifications and e-mails. The events
 * carry the task number, lead unit and deadline the texts show, so nothing here reads a workflow table.
 */
@Component
class WorkflowNotifications {

    static final List<Role> UNIT_STAFF = List.of(Role.UNIT_OFFICER, Role.UNIT_HEAD);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifier notifier;
    private final NotificationStore store;

    WorkflowNotifications(Notifier notifier, NotificationStore store) {
        this.notifier = notifier;
        this.store = store;
    }

    @EventListener
    void assigned(WorkflowEvents.Assigned e) {
        WorkflowEvents.About a = e.assignment();
        for (Long unit : e.unitIds()) {
            List<Long> people = without(store.staff(List.of(unit), UNIT_STAFF), Set.of(e.actorId()));
            notifier.notify(
                    people,
                    new Notifier.Message(
                            NotificationKind.ASSIGNED,
                            "assigned:assignment:" + a.assignmentId() + ":unit:" + unit,
                            "notification.assigned",
                            List.of(number(a), leadUnit(a)),
                            "assignments/" + a.assignmentId()));
        }
    }

    @EventListener
    void reportWaiting(WorkflowEvents.ReportWaiting e) {
        WorkflowEvents.About a = e.assignment();
        List<Long> people =
                e.unitId() == null ? store.withRole(e.role()) : store.staff(List.of(e.unitId()), List.of(e.role()));
        notifier.notify(
                without(people, e.notUserIds()),
                new Notifier.Message(
                        NotificationKind.REPORT_WAITING,
                        "waiting:report:" + e.reportId() + ":round:" + e.round() + ":step:" + e.step(),
                        "notification.reportWaiting",
                        List.of(number(a), leadUnit(a)),
                        "reports/" + e.reportId()));
    }

    @EventListener
    void reportDecided(WorkflowEvents.ReportDecided e) {
        WorkflowEvents.About a = e.assignment();
        Set<Long> people = new LinkedHashSet<>();
        people.add(e.authorId());
        people.addAll(store.staff(List.of(e.unitId()), List.of(Role.UNIT_HEAD)));
        notifier.notify(
                without(new ArrayList<>(people), Set.of(e.actorId())),
                new Notifier.Message(
                        NotificationKind.REPORT_DECIDED,
                        "decided:report:" + e.reportId() + ":round:" + e.round() + ":"
                                + (e.approved() ? "approved" : "returned"),
                        e.approved() ? "notification.reportApproved" : "notification.reportReturned",
                        List.of(number(a), leadUnit(a)),
                        "reports/" + e.reportId()));
    }

    /** An extension request reaches the leader in charge of the assignment, or every leader when it has none. */
    @EventListener
    void extensionWaiting(WorkflowEvents.ExtensionWaiting e) {
        WorkflowEvents.About a = e.assignment();
        List<Long> people = e.leaderId() == null ? store.withRole(Role.LEADER) : List.of(e.leaderId());
        notifier.notify(
                without(people, Set.of(e.actorId())),
                new Notifier.Message(
                        NotificationKind.EXTENSION_WAITING,
                        "extension:" + e.requestId() + ":waiting",
                        "notification.extensionWaiting",
                        List.of(number(a), leadUnit(a), deadline(a)),
                        "assignments/" + a.assignmentId()));
    }

    @EventListener
    void extensionDecided(WorkflowEvents.ExtensionDecided e) {
        WorkflowEvents.About a = e.assignment();
        List<Long> people = without(store.staff(List.of(e.unitId()), UNIT_STAFF), Set.of(e.actorId()));
        notifier.notify(
                people,
                new Notifier.Message(
                        NotificationKind.EXTENSION_DECIDED,
                        "extension:" + e.requestId() + ":" + (e.approved() ? "approved" : "rejected"),
                        e.approved() ? "notification.extensionApproved" : "notification.extensionRejected",
                        List.of(number(a), deadline(a)),
                        "assignments/" + a.assignmentId()));
    }

    /** A new ad hoc or thematic request: the officers and head of each asked unit. */
    @EventListener
    void adhocAsked(WorkflowEvents.AdhocAsked e) {
        for (Long unit : e.unitIds()) {
            notifier.notify(
                    without(store.staff(List.of(unit), UNIT_STAFF), Set.of(e.actorId())),
                    new Notifier.Message(
                            NotificationKind.ADHOC_REPORT,
                            "adhoc:request:" + e.requestId() + ":unit:" + unit,
                            "notification.adhocAsked",
                            List.of(shortTitle(e.title()), DATE.format(e.due())),
                            "adhoc/" + e.requestId()));
        }
    }

    /** A unit sent its answer: the managers of the asking department. */
    @EventListener
    void adhocSent(WorkflowEvents.AdhocSent e) {
        notifier.notify(
                without(store.staff(List.of(e.deptId()), List.of(Role.MANAGER)), Set.of(e.actorId())),
                new Notifier.Message(
                        NotificationKind.ADHOC_REPORT,
                        "adhoc:answer:" + e.answerId() + ":round:" + e.round() + ":sent",
                        "notification.adhocSent",
                        List.of(shortTitle(e.title()), e.unitName()),
                        "adhoc/" + e.requestId()));
    }

    /** A manager accepted or returned an answer: the answering unit's officers and head. */
    @EventListener
    void adhocDecided(WorkflowEvents.AdhocDecided e) {
        notifier.notify(
                without(store.staff(List.of(e.unitId()), UNIT_STAFF), Set.of(e.actorId())),
                new Notifier.Message(
                        NotificationKind.ADHOC_REPORT,
                        "adhoc:answer:" + e.answerId() + ":round:" + e.round() + ":"
                                + (e.accepted() ? "accepted" : "returned"),
                        e.accepted() ? "notification.adhocAccepted" : "notification.adhocReturned",
                        List.of(shortTitle(e.title())),
                        "adhoc/" + e.requestId()));
    }

    /** A request's subject as a notice shows it: at most 150 characters (the e-mail's subject line holds 500). */
    static String shortTitle(String title) {
        return title.length() <= 150 ? title : title.substring(0, 149) + "…";
    }

    private static String number(WorkflowEvents.About a) {
        return String.valueOf(a.taskNumber());
    }

    private static String leadUnit(WorkflowEvents.About a) {
        return String.valueOf(a.leadUnitName());
    }

    private static String deadline(WorkflowEvents.About a) {
        return a.deadline() == null ? "-" : DATE.format(a.deadline());
    }

    private static List<Long> without(List<Long> people, Set<Long> excluded) {
        return people.stream().filter(p -> !excluded.contains(p)).toList();
    }
}
