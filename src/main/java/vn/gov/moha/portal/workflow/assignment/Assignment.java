package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/** A priority task given to a lead unit (đơn vị chủ trì), with coordinating units (đơn vị phối hợp). */
@Entity
@Table(name = "assignment")
public class Assignment extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private PriorityTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_unit_id")
    private OrgUnit leadUnit;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "assignment_coordinator",
            joinColumns = @JoinColumn(name = "assignment_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    private Set<OrgUnit> coordinators = new LinkedHashSet<>();

    private @Nullable LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_period", length = 20)
    private @Nullable ReportingPeriod reportingPeriod;

    @Column(name = "expected_output", nullable = false, length = 2000)
    private String expectedOutput;

    @Column(length = 4000)
    private @Nullable String instructions;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "leader_id")
    private @Nullable AppUser leader;

    /** The document the task was assigned by; shared by the units assigned in one action; none before V15. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private @Nullable OfficialDocument document;

    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;

    @Column(name = "completed_on")
    private @Nullable LocalDate completedOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private AppUser createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /**
     * The successor's assignment of the same task this one was merged into when its lead unit ended (issue 18);
     * such a row is history only and left out of every list and figure.
     */
    @Column(name = "merged_into_id")
    private @Nullable Long mergedIntoId;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Indicator> indicators = new ArrayList<>();

    protected Assignment() {}

    Assignment(PriorityTask task, OrgUnit leadUnit, AppUser createdBy) {
        this.task = task;
        this.leadUnit = leadUnit;
        this.createdBy = createdBy;
        this.createdAt = LocalDateTime.now();
    }

    public DeadlineState state(LocalDate today) {
        return DeadlineState.of(deadline, completedOn, today);
    }

    public boolean isOngoing() {
        return deadline == null;
    }

    public boolean involves(@Nullable Long unitId) {
        return unitId != null
                && (leadUnit.getId().equals(unitId)
                        || coordinators.stream().anyMatch(u -> u.getId().equals(unitId)));
    }

    public PriorityTask getTask() {
        return task;
    }

    public OrgUnit getLeadUnit() {
        return leadUnit;
    }

    void setLeadUnit(OrgUnit leadUnit) {
        this.leadUnit = leadUnit;
    }

    public Set<OrgUnit> getCoordinators() {
        return coordinators;
    }

    public @Nullable LocalDate getDeadline() {
        return deadline;
    }

    void setDeadline(@Nullable LocalDate deadline) {
        this.deadline = deadline;
    }

    public @Nullable ReportingPeriod getReportingPeriod() {
        return reportingPeriod;
    }

    void setReportingPeriod(@Nullable ReportingPeriod reportingPeriod) {
        this.reportingPeriod = reportingPeriod;
    }

    public @Nullable OfficialDocument getDocument() {
        return document;
    }

    void setDocument(@Nullable OfficialDocument document) {
        this.document = document;
    }

    public String getExpectedOutput() {
        return expectedOutput;
    }

    void setExpectedOutput(String expectedOutput) {
        this.expectedOutput = expectedOutput;
    }

    public @Nullable String getInstructions() {
        return instructions;
    }

    void setInstructions(@Nullable String instructions) {
        this.instructions = instructions;
    }

    public @Nullable AppUser getLeader() {
        return leader;
    }

    /**
     * The leader in charge (lãnh đạo phụ trách), who decides its extension requests: the assignment's own, else its
     * task's (rows written before the assignment kept its own); null when neither has one.
     */
    public @Nullable AppUser leaderInCharge() {
        return leader != null ? leader : task.getLeader();
    }

    void setLeader(@Nullable AppUser leader) {
        this.leader = leader;
    }

    public int getPercentComplete() {
        return percentComplete;
    }

    public void setPercentComplete(int percentComplete) {
        this.percentComplete = percentComplete;
    }

    public @Nullable LocalDate getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(@Nullable LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public @Nullable Long getMergedIntoId() {
        return mergedIntoId;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
