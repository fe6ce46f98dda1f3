package vn.gov.moha.portal.workflow.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/** A lead unit's request for a later deadline (gia hạn), decided by a leader. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Column(name = "current_deadline", nullable = false)
    private LocalDate currentDeadline;

    @Column(name = "requested_deadline", nullable = false)
    private LocalDate requestedDeadline;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by")
    private AppUser requestedBy;

    @Column(name = "requested_at", nullable = false)
    private LocalDateTime requestedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    private AppUser decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "decision_comment", length = 2000)
    private String decisionComment;

    protected ExtensionRequest() {
    }

    ExtensionRequest(Assignment assignment, LocalDate requestedDeadline, String reason, AppUser requestedBy) {
        this.assignment = assignment;
        this.currentDeadline = assignment.getDeadline();
        this.requestedDeadline = requestedDeadline;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = LocalDateTime.now();
    }

    void decide(boolean approve, String comment, AppUser by) {
        status = approve ? Status.APPROVED : Status.REJECTED;
        decisionComment = comment;
        decidedBy = by;
        decidedAt = LocalDateTime.now();
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Assignment getAssignment() {
        return assignment;
    }

    public LocalDate getCurrentDeadline() {
        return currentDeadline;
    }

    public LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public AppUser getRequestedBy() {
        return requestedBy;
    }

    public LocalDateTime getRequestedAt() {
        return requestedAt;
    }

    public AppUser getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionComment() {
        return decisionComment;
    }
}
