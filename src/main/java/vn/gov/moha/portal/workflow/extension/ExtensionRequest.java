package vn.gov.moha.portal.workflow.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/** A lead unit's request for a later deadline (gia hạn), decided by the leader in charge of the assignment. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends VersionedEntity {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

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
    private @Nullable AppUser decidedBy;

    @Column(name = "decided_at")
    private @Nullable LocalDateTime decidedAt;

    @Column(name = "decision_comment", length = 2000)
    private @Nullable String decisionComment;

    /** A document the request cites (optional): a decision of the unit's province, a plan that moved, ... */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private @Nullable OfficialDocument document;

    protected ExtensionRequest() {}

    ExtensionRequest(Assignment assignment, LocalDate requestedDeadline, String reason, AppUser requestedBy) {
        this.assignment = assignment;
        this.currentDeadline = assignment.getDeadline();
        this.requestedDeadline = requestedDeadline;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = LocalDateTime.now();
    }

    void decide(boolean approve, @Nullable String comment, AppUser by) {
        status = approve ? Status.APPROVED : Status.REJECTED;
        decisionComment = comment;
        decidedBy = by;
        decidedAt = LocalDateTime.now();
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

    public @Nullable AppUser getDecidedBy() {
        return decidedBy;
    }

    public @Nullable LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public @Nullable OfficialDocument getDocument() {
        return document;
    }

    void setDocument(@Nullable OfficialDocument document) {
        this.document = document;
    }

    public @Nullable String getDecisionComment() {
        return decisionComment;
    }
}
