package vn.gov.moha.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Writing, for the caller's own unit and role, through the screens' services: a draft progress report, its
 * evidence, submitting it, an approver's decision, an extension request. Updates name the version they are based on
 * (If-Match or {@code version}); a stale one is refused, never overwrites.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "write", description = "Reports, evidence, decisions and extension requests (a READ_WRITE token)")
class WriteController {

    private final ReportService reports;
    private final EvidenceService evidence;
    private final ApprovalService approvals;
    private final ExtensionService extensions;

    WriteController(
            ReportService reports, EvidenceService evidence, ApprovalService approvals, ExtensionService extensions) {
        this.reports = reports;
        this.evidence = evidence;
        this.approvals = approvals;
        this.extensions = extensions;
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "One progress report with its evidence files; ETag carries its version")
    ResponseEntity<ApiJson.ReportWithEvidence> report(@PathVariable long id) {
        ProgressReport report =
                reports.find(id).orElseThrow(() -> InvalidInputException.of("report", "report.error.notFound"));
        var files = evidence.evidence(id).stream().map(ApiJson.Evidence::of).toList();
        return ResponseEntity.ok()
                .eTag(Versions.etag(report.getVersion()))
                .body(new ApiJson.ReportWithEvidence(ApiJson.Report.of(report), files));
    }

    @PostMapping(path = "/assignments/{id}/reports", consumes = "application/json")
    @Operation(summary = "Creates a draft progress report for an assignment the caller's unit leads")
    ResponseEntity<ApiJson.Report> createReport(@PathVariable long id, @RequestBody ApiJson.ReportInput input) {
        ProgressReport saved = reports.save(draft(null, id, 0, input));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + saved.getId()))
                .eTag(Versions.etag(saved.getVersion()))
                .body(ApiJson.Report.of(saved));
    }

    @PutMapping(path = "/reports/{id}", consumes = "application/json")
    @Operation(summary = "Updates a draft (or returned) report; needs If-Match or version")
    ResponseEntity<ApiJson.Report> updateReport(
            @PathVariable long id,
            @Parameter(description = "the report's version, as its ETag")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @RequestBody ApiJson.ReportInput input) {
        long version = Versions.of(ifMatch, input.version());
        ProgressReport current =
                reports.find(id).orElseThrow(() -> InvalidInputException.of("report", "report.error.notFound"));
        ProgressReport saved = reports.save(draft(id, current.getAssignment().getId(), version, input));
        return ok(saved);
    }

    @PostMapping(path = "/reports/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attaches an evidence file (PDF, Word, Excel, image; at most 20 MB; its type checked by content)")
    ResponseEntity<ApiJson.Evidence> attach(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try (InputStream content = file.getInputStream()) {
            var saved = evidence.addEvidence(id, name, content);
            return ResponseEntity.status(201).body(ApiJson.Evidence.of(saved));
        }
    }

    @PostMapping(path = "/reports/{id}/submit")
    @Operation(summary = "Sends the report on to its first approver; needs If-Match or version")
    ResponseEntity<ApiJson.Report> submit(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) ApiJson.@Nullable VersionInput input) {
        return ok(reports.submit(id, Versions.of(ifMatch, input == null ? null : input.version())));
    }

    @PostMapping(path = "/reports/{id}/decision", consumes = "application/json")
    @Operation(summary = "An approver's decision at the report's current step: APPROVE, or RETURN with a reason")
    ResponseEntity<ApiJson.Report> decide(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ApiJson.DecisionInput input) {
        long version = Versions.of(ifMatch, input.version());
        String comment = input.comment() == null ? "" : input.comment();
        if ("APPROVE".equals(input.decision())) {
            return ok(approvals.approve(id, version, comment));
        }
        if ("RETURN".equals(input.decision())) {
            return ok(approvals.returnReport(id, version, comment));
        }
        throw InvalidInputException.of("decision", "api.error.decision");
    }

    @PostMapping(path = "/assignments/{id}/extension-requests", consumes = "application/json")
    @Operation(summary = "Asks for a later deadline (the lead unit's officer or head)")
    ResponseEntity<ApiJson.Extension> requestExtension(
            @PathVariable long id, @RequestBody ApiJson.ExtensionInput input) {
        if (input.newDeadline() == null) {
            throw InvalidInputException.of("newDeadline", "error.required");
        }
        var saved = extensions.request(id, input.newDeadline(), input.reason() == null ? "" : input.reason());
        return ResponseEntity.status(201).body(ApiJson.Extension.of(saved));
    }

    private static ReportDraft draft(@Nullable Long id, long assignmentId, long version, ApiJson.ReportInput input) {
        return new ReportDraft(
                id,
                assignmentId,
                version,
                input.percent(),
                input.confidence(),
                input.narrative() == null ? "" : input.narrative(),
                input.indicatorValues() == null ? Map.of() : input.indicatorValues(),
                input.periodKey());
    }

    private static ResponseEntity<ApiJson.Report> ok(ProgressReport report) {
        return ResponseEntity.ok().eTag(Versions.etag(report.getVersion())).body(ApiJson.Report.of(report));
    }
}
