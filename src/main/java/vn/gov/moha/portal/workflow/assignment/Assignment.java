package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/** A priority task given to a lead unit (đơn vị chủ trì), with coordinating units (đơn vị phối hợp). */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private PriorityTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_unit_id")
    private OrgUnit leadUnit;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "assignment_coordinator", joinColumns = @JoinColumn(name = "assignment_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    private Set<OrgUnit> coordinators = new LinkedHashSet<>();

    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_period", length = 20)
    private ReportingPeriod reportingPeriod;

    @Column(name = "expected_output", nullable = false, length = 2000)
    private String expectedOutput;

    @Column(length = 4000)
    private String instructions;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "leader_id")
    private AppUser leader;

    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private AppUser createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Indicator> indicators = new ArrayList<>();

    protected Assignment() {
    }

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

    public boolean involves(Long unitId) {
        return unitId != null && (leadUnit.getId().equals(unitId)
                || coordinators.stream().anyMatch(u -> u.getId().equals(unitId)));
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
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

    public LocalDate getDeadline() {
        return deadline;
    }

    void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public ReportingPeriod getReportingPeriod() {
        return reportingPeriod;
    }

    void setReportingPeriod(ReportingPeriod reportingPeriod) {
        this.reportingPeriod = reportingPeriod;
    }

    public String getExpectedOutput() {
        return expectedOutput;
    }

    void setExpectedOutput(String expectedOutput) {
        this.expectedOutput = expectedOutput;
    }

    public String getInstructions() {
        return instructions;
    }

    void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public AppUser getLeader() {
        return leader;
    }

    void setLeader(AppUser leader) {
        this.leader = leader;
    }

    public int getPercentComplete() {
        return percentComplete;
    }

    public void setPercentComplete(int percentComplete) {
        this.percentComplete = percentComplete;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
