package vn.gov.moha.portal.workflow.report;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.period.Period;

/** A progress report of the lead unit on an assignment; it travels up the approval chain once submitted. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Confidence confidence;

    @Column(nullable = false, length = 8000)
    private String narrative;

    /** A document the completion report cites (optional), with its signed PDF. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private @Nullable OfficialDocument document;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status = ReportStatus.DRAFT;

    /** Increases at each submission, so the decisions of an earlier round stay in the trail. */
    @Column(nullable = false)
    private int round;

    /** The approval step the report waits at (1 = first); 0 while not submitted. */
    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private AppUser createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submitted_by")
    private @Nullable AppUser submittedBy;

    @Column(name = "submitted_at")
    private @Nullable LocalDateTime submittedAt;

    /** The first submission: on time or late is judged from it. */
    @Column(name = "first_submitted_at")
    private @Nullable LocalDateTime firstSubmittedAt;

    /** The reporting period of an ongoing assignment this report is for (e.g. 2024-Q1); null for a dated one. */
    @Column(name = "period_key", length = 10)
    private @Nullable String periodKey;

    @Column(name = "period_start")
    private @Nullable LocalDate periodStart;

    @Column(name = "period_end")
    private @Nullable LocalDate periodEnd;

    // loaded with the report; for a list of reports, for up to 100 of them in one statement (not one each)
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 100)
    @CollectionTable(name = "indicator_value", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "indicator_id")
    @Column(name = "reported", precision = 18, scale = 2)
    private Map<Long, BigDecimal> indicatorValues = new HashMap<>();

    protected ProgressReport() {}

    ProgressReport(Assignment assignment, OrgUnit unit, AppUser createdBy) {
        this.assignment = assignment;
        this.unit = unit;
        this.createdBy = createdBy;
        this.createdAt = LocalDateTime.now();
    }

    public Assignment getAssignment() {
        return assignment;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public int getPercentComplete() {
        return percentComplete;
    }

    void setPercentComplete(int percentComplete) {
        this.percentComplete = percentComplete;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    void setConfidence(Confidence confidence) {
        this.confidence = confidence;
    }

    public @Nullable OfficialDocument getDocument() {
        return document;
    }

    void setDocument(@Nullable OfficialDocument document) {
        this.document = document;
    }

    public String getNarrative() {
        return narrative;
    }

    void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public ReportStatus getStatus() {
        return status;
    }

    void setStatus(ReportStatus status) {
        this.status = status;
    }

    public int getRound() {
        return round;
    }

    void nextRound() {
        round++;
        currentStep = 1;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    void setCurrentStep(int currentStep) {
        this.currentStep = currentStep;
    }

    public AppUser getCreatedBy() {
        return createdBy;
    }

    public @Nullable AppUser getSubmittedBy() {
        return submittedBy;
    }

    void submitted(AppUser by) {
        this.submittedBy = by;
        this.submittedAt = LocalDateTime.now();
        if (firstSubmittedAt == null) {
            firstSubmittedAt = submittedAt;
        }
    }

    public @Nullable LocalDateTime getFirstSubmittedAt() {
        return firstSubmittedAt;
    }

    public @Nullable String getPeriodKey() {
        return periodKey;
    }

    public @Nullable LocalDate getPeriodStart() {
        return periodStart;
    }

    public @Nullable LocalDate getPeriodEnd() {
        return periodEnd;
    }

    /** Files the report under a period, keeping the window it has now (null for a dated assignment). */
    void setPeriod(@Nullable Period period) {
        this.periodKey = period == null ? null : period.key();
        this.periodStart = period == null ? null : period.from();
        this.periodEnd = period == null ? null : period.to();
    }

    public @Nullable LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public Map<Long, BigDecimal> getIndicatorValues() {
        return indicatorValues;
    }
}
