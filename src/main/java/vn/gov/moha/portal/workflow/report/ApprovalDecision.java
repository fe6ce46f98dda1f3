package vn.gov.moha.portal.workflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.user.AppUser;

/**
 * One decision at one step of one round. The database keeps one per step and round, none by the
 * person who submitted, and none by a person who already decided an earlier step of the round.
 */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision extends BaseEntity {

    public enum Kind {
        APPROVED,
        RETURNED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Column(nullable = false)
    private int round;

    @Column(name = "step_order", nullable = false)
    private int stepOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind decision;

    @Column(length = 2000)
    private @Nullable String comment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decided_by")
    private AppUser decidedBy;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submitted_by")
    private AppUser submittedBy;

    @Column(name = "decided_at", nullable = false)
    private LocalDateTime decidedAt;

    protected ApprovalDecision() {}

    ApprovalDecision(ProgressReport report, Role role, Kind decision, @Nullable String comment, AppUser decidedBy) {
        this.report = report;
        this.round = report.getRound();
        this.stepOrder = report.getCurrentStep();
        this.role = role;
        this.decision = decision;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.submittedBy = report.getSubmittedBy();
        this.decidedAt = LocalDateTime.now();
    }

    public int getRound() {
        return round;
    }

    public int getStepOrder() {
        return stepOrder;
    }

    public Role getRole() {
        return role;
    }

    public Kind getDecision() {
        return decision;
    }

    public @Nullable String getComment() {
        return comment;
    }

    public AppUser getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
