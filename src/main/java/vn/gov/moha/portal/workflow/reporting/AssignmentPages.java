package vn.gov.moha.portal.workflow.reporting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.document.DocumentService;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.ReportService;

/** One assignment page, one read: the page's data in one transaction, with one access check. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssignmentPages {

    private final AssignmentService assignments;
    private final ReportService reports;
    private final ExtensionService extensions;
    private final ReportingService reporting;
    private final UnitService units;
    private final DocumentService documents;

    AssignmentPages(
            AssignmentService assignments,
            ReportService reports,
            ExtensionService extensions,
            ReportingService reporting,
            UnitService units,
            DocumentService documents) {
        this.assignments = assignments;
        this.reports = reports;
        this.extensions = extensions;
        this.reporting = reporting;
        this.units = units;
        this.documents = documents;
    }

    /** The page of the assignment, if the caller may see it; a refused look is recorded and looks like "not found". */
    public Optional<AssignmentPage> open(Long id) {
        return assignments.find(id).map(this::read);
    }

    private AssignmentPage read(Assignment a) {
        List<ExtensionRequest> requests = extensions.requestsFor(a);
        Set<Long> mayDecide = requests.stream()
                .filter(r -> r.getStatus() == ExtensionRequest.Status.PENDING && extensions.canDecide(r))
                .map(ExtensionRequest::getId)
                .collect(Collectors.toSet());
        return new AssignmentPage(
                a,
                assignments.canEdit(a),
                reports.canStartReport(a),
                extensions.canRequest(a),
                assignments.canContribute(a),
                reports.reportsFor(a),
                assignments.deadlineChangesOf(a),
                assignments.contributionsOf(a),
                requests,
                mayDecide,
                reporting.rowsOf(a),
                assignments.historyOf(a),
                units.all(),
                a.getDocument() == null ? null : documents.signaturesOf(a.getDocument()));
    }
}
