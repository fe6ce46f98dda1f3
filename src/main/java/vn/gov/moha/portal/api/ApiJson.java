package vn.gov.moha.portal.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.DeadlineChange;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.assignment.Indicator;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceFile;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.reporting.AssignmentPage;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;

/** What the API reads and writes: plain records, made from the entities the services return. */
final class ApiJson {

    private ApiJson() {}

    /** The portal keeps Vietnam's local time; the API says so, with the offset (2026-12-08T09:30:00+07:00). */
    static @Nullable OffsetDateTime vietnam(@Nullable LocalDateTime time) {
        return time == null ? null : time.atZone(Formats.VIETNAM).toOffsetDateTime();
    }

    record Me(
            String username,
            String fullName,
            @Nullable Long unitId,
            @Nullable String unitName,
            List<String> roles,
            String token,
            boolean mayWrite) {}

    record Year(int year) {}

    record Unit(
            long id, String code, String nameVi, @Nullable String nameEn) {
        static Unit of(OrgUnit u) {
            return new Unit(u.getId(), u.getCode(), u.getNameVi(), u.getNameEn());
        }
    }

    record Task(long id, int year, int number, String titleVi, String titleEn, Unit leadUnit) {
        static Task of(PriorityTask t) {
            return new Task(
                    t.getId(), t.getYear(), t.getNumber(), t.getTitleVi(), t.getTitleEn(), Unit.of(t.getLeadUnit()));
        }
    }

    record Page<T>(List<T> items, long total, int page, int size) {}

    @Schema(description = "An assignment of a priority task to a lead unit")
    record AssignmentSummary(
            long id,
            long version,
            long taskId,
            int taskNumber,
            String taskTitleVi,
            String taskTitleEn,
            Unit leadUnit,
            @Nullable LocalDate deadline,
            @Nullable String reportingPeriod,
            DeadlineState deadlineState,
            int percentComplete,
            @Nullable LocalDate completedOn,
            @Nullable String documentNumber) {
        static AssignmentSummary of(Assignment a, LocalDate today) {
            PriorityTask t = a.getTask();
            return new AssignmentSummary(
                    a.getId(),
                    a.getVersion(),
                    t.getId(),
                    t.getNumber(),
                    t.getTitleVi(),
                    t.getTitleEn(),
                    Unit.of(a.getLeadUnit()),
                    a.getDeadline(),
                    a.getReportingPeriod() == null
                            ? null
                            : a.getReportingPeriod().name(),
                    a.state(today),
                    a.getPercentComplete(),
                    a.getCompletedOn(),
                    a.getDocument() == null ? null : a.getDocument().getNumber());
        }
    }

    record IndicatorJson(long id, String name, String unitOfMeasure, BigDecimal target) {
        static IndicatorJson of(Indicator i) {
            return new IndicatorJson(i.getId(), i.getName(), i.getUnitOfMeasure(), i.getTarget());
        }
    }

    record Report(
            long id,
            long version,
            long assignmentId,
            String status,
            int percentComplete,
            Confidence confidence,
            String narrative,
            @Nullable String periodKey,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            int round,

            @Schema(description = "the approval step the report waits at (1 = first); 0 while not submitted")
            int currentStep,

            OffsetDateTime createdAt,
            @Nullable OffsetDateTime submittedAt,
            @Nullable OffsetDateTime firstSubmittedAt,
            Map<Long, BigDecimal> indicatorValues) {
        static Report of(ProgressReport r) {
            return new Report(
                    r.getId(),
                    r.getVersion(),
                    r.getAssignment().getId(),
                    r.getStatus().name(),
                    r.getPercentComplete(),
                    r.getConfidence(),
                    r.getNarrative(),
                    r.getPeriodKey(),
                    r.getPeriodStart(),
                    r.getPeriodEnd(),
                    r.getRound(),
                    r.getCurrentStep(),
                    vietnam(r.getCreatedAt()),
                    vietnam(r.getSubmittedAt()),
                    vietnam(r.getFirstSubmittedAt()),
                    Map.copyOf(r.getIndicatorValues()));
        }
    }

    record ReportWithEvidence(Report report, List<Evidence> evidence) {}

    record Evidence(long id, String fileName, String contentType, long sizeBytes, OffsetDateTime uploadedAt) {
        static Evidence of(EvidenceFile f) {
            return new Evidence(
                    f.getId(),
                    f.getOriginalName(),
                    f.getFile().getContentType(),
                    f.getFile().getSizeBytes(),
                    vietnam(f.getUploadedAt()));
        }
    }

    record DeadlineChangeJson(
            @Nullable LocalDate oldDeadline,
            @Nullable LocalDate newDeadline,
            String reason,
            OffsetDateTime changedAt,
            @Nullable Long extensionRequestId) {
        static DeadlineChangeJson of(DeadlineChange c) {
            return new DeadlineChangeJson(
                    c.getOldDeadline(),
                    c.getNewDeadline(),
                    c.getReason(),
                    vietnam(c.getChangedAt()),
                    c.getExtensionRequestId());
        }
    }

    record Extension(
            long id,
            long version,
            String status,
            LocalDate currentDeadline,
            LocalDate requestedDeadline,
            String reason,
            OffsetDateTime requestedAt,
            @Nullable OffsetDateTime decidedAt,
            @Nullable String decisionComment) {
        static Extension of(ExtensionRequest e) {
            return new Extension(
                    e.getId(),
                    e.getVersion(),
                    e.getStatus().name(),
                    e.getCurrentDeadline(),
                    e.getRequestedDeadline(),
                    e.getReason(),
                    vietnam(e.getRequestedAt()),
                    vietnam(e.getDecidedAt()),
                    e.getDecisionComment());
        }
    }

    record PeriodStatusJson(
            String periodKey,
            LocalDate from,
            LocalDate to,
            LocalDate due,
            long assignmentId,
            int taskNumber,
            Unit unit,
            String status,
            @Nullable OffsetDateTime submittedAt) {
        static PeriodStatusJson of(ReportingRow r) {
            Period p = r.period();
            return new PeriodStatusJson(
                    p.key(),
                    p.from(),
                    p.to(),
                    p.due(),
                    r.assignmentId(),
                    r.taskNumber(),
                    new Unit(r.unitId(), r.unitCode(), r.unitNameVi(), r.unitNameEn()),
                    r.status().name(),
                    vietnam(r.submittedAt()));
        }
    }

    record AssignmentDetail(
            AssignmentSummary assignment,
            @Nullable String expectedOutput,
            List<IndicatorJson> indicators,
            List<Report> reports,
            List<DeadlineChangeJson> deadlineHistory,
            List<Extension> extensionRequests,
            List<PeriodStatusJson> periods,
            boolean mayWriteReport,
            boolean mayRequestExtension) {
        static AssignmentDetail of(AssignmentPage page, LocalDate today) {
            Assignment a = page.assignment();
            return new AssignmentDetail(
                    AssignmentSummary.of(a, today),
                    a.getExpectedOutput(),
                    a.getIndicators().stream().map(IndicatorJson::of).toList(),
                    page.reports().stream().map(Report::of).toList(),
                    page.deadlineChanges().stream().map(DeadlineChangeJson::of).toList(),
                    page.extensionRequests().stream().map(Extension::of).toList(),
                    page.periods().stream().map(PeriodStatusJson::of).toList(),
                    page.mayWriteReport(),
                    page.mayRequestExtension());
        }
    }

    record Headline(
            Map<DeadlineState, Long> byState,
            long total,
            long reportsWaitingForApproval,
            long openExtensionRequests,
            long unitsNotReported,
            long reportsMissing) {
        static Headline of(Figures.Headline h) {
            return new Headline(
                    h.byState(),
                    h.total(),
                    h.waitingTotal(),
                    h.openExtensions(),
                    h.notReported().units(),
                    h.notReported().reports());
        }
    }

    record Reporting(Map<String, Long> counts, Page<PeriodStatusJson> rows) {}

    @Schema(
            description =
                    "A progress report as the unit writes it; version is required on update unless If-Match is sent")
    record ReportInput(
            @Schema(example = "60") @Nullable Integer percent,
            @Schema(example = "ON_TRACK") @Nullable Confidence confidence,

            @Schema(example = "Đã hoàn thành rà soát 12/15 huyện.") @Nullable
            String narrative,

            @Nullable Map<Long, BigDecimal> indicatorValues,

            @Schema(description = "reporting period of an ongoing assignment, e.g. 2024-Q1") @Nullable
            String periodKey,

            @Nullable Long version) {}

    record VersionInput(@Nullable Long version) {}

    record DecisionInput(
            @Schema(allowableValues = {"APPROVE", "RETURN"}) @Nullable
            String decision,

            @Schema(description = "comment when approving, reason (required) when returning") @Nullable
            String comment,

            @Nullable Long version) {}

    record ExtensionInput(
            @Nullable LocalDate newDeadline, @Nullable String reason) {}
}
