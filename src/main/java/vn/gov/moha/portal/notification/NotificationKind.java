package vn.gov.moha.portal.notification;

/** The kinds of notification; each person chooses per kind whether it also comes by e-mail. */
public enum NotificationKind {
    ASSIGNED,
    REPORT_WAITING,
    REPORT_DECIDED,
    EXTENSION_WAITING,
    EXTENSION_DECIDED,
    DEADLINE_SOON,
    OVERDUE,
    REPORT_DUE,
    /** Ad hoc and thematic reports: a new request, an answer sent, accepted or returned, due soon, overdue. */
    ADHOC_REPORT;

    public String translationKey() {
        return "notification.kind." + name();
    }
}
