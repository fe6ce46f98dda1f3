package vn.gov.moha.portal.workflow.transfer;

/** What a confirmed transfer did; all zero and {@code changed} false when it had been done already. */
public record TransferResult(
        boolean changed,
        int movedAssignments,
        int mergedAssignments,
        int openReports,
        int pendingExtensions,
        int coordinatingRoles,
        int users) {

    static TransferResult nothing() {
        return new TransferResult(false, 0, 0, 0, 0, 0, 0);
    }

    TransferResult plus(TransferResult other) {
        return new TransferResult(
                changed || other.changed,
                movedAssignments + other.movedAssignments,
                mergedAssignments + other.mergedAssignments,
                openReports + other.openReports,
                pendingExtensions + other.pendingExtensions,
                coordinatingRoles + other.coordinatingRoles,
                users + other.users);
    }
}
