package vn.gov.moha.portal.workflow.transfer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a unit on a day and hands its open work to its successor (issue 18), ADMIN only: open assignments as lead
 * unit (with their open reports, at their place in the approval chain, owed periodic reports and pending extension
 * requests), coordinating roles and user accounts. Where the successor already has the task, the two assignments
 * become one, the successor's. Done assignments stay with the ended unit and roll up to the successor as before.
 *
 * <p>User accounts move to the successor (the people of a merged department work on in the merged one), keeping
 * their roles; an administrator locks any who leave. Confirming is one transaction with the event-log entries; it
 * takes the unit's row with a lock and checks the version the preview was read at, so of two administrators
 * confirming at once one wins and the other is told. Done twice, the second changes nothing.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class UnitTransferService {

    private final Transfers transfers;

    UnitTransferService(Transfers transfers) {
        this.transfers = transfers;
    }

    /** What the transfer would move, counted; nothing changes. Bad input: InvalidInputException by field. */
    @Transactional(readOnly = true)
    public TransferPreview preview(TransferRequest request) {
        return transfers.preview(request, transfers.checks());
    }

    /**
     * Does the transfer, if the unit is still at {@code version} (the preview's); returns what moved. Refused with
     * "transfer.error.changed" on the unit field when another administrator changed it first.
     */
    public TransferResult confirm(TransferRequest request, long version) {
        if (request.unitId() != null) {
            transfers.lock(request.unitId(), version);
        }
        return transfers.apply(transfers.preview(request, transfers.checks()));
    }
}
