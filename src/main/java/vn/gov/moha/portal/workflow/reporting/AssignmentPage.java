package vn.gov.moha.portal.workflow.reporting;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.signature.SignatureCheck;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentHistory;
import vn.gov.moha.portal.workflow.assignment.Contribution;
import vn.gov.moha.portal.workflow.assignment.DeadlineChange;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * Everything an assignment's page shows, read at once ({@link AssignmentPages#open}): the assignment, what the
 * caller may do with it, and its reports, deadline changes, contributions, extension requests, reporting periods
 * (empty for a dated assignment), history, the units its history may name, and the digital signatures of its
 * assigning document's PDF (null without a document).
 */
public record AssignmentPage(
        Assignment assignment,
        boolean mayEdit,
        boolean mayWriteReport,
        boolean mayRequestExtension,
        boolean mayContribute,
        List<ProgressReport> reports,
        List<DeadlineChange> deadlineChanges,
        List<Contribution> contributions,
        List<ExtensionRequest> extensionRequests,
        Set<Long> mayDecide,
        List<ReportingRow> periods,
        AssignmentHistory history,
        List<OrgUnit> units,
        @Nullable SignatureCheck documentSignatures) {

    /** Whether the caller may approve or reject this pending request. */
    public boolean mayDecide(ExtensionRequest request) {
        return mayDecide.contains(request.getId());
    }
}
