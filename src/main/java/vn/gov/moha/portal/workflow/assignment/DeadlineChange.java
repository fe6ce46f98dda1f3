package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.user.AppUser;

/** One change of an assignment's deadline: every deadline it ever had, who set it and why. */
@Entity
@Table(name = "deadline_change")
public class DeadlineChange extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Column(name = "old_deadline")
    private @Nullable LocalDate oldDeadline;

    @Column(name = "new_deadline")
    private @Nullable LocalDate newDeadline;

    @Column(nullable = false, length = 1000)
    private String reason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "changed_by")
    private AppUser changedBy;

    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    /** The extension request whose approval made this change; null for the assignment and the manager's edits. */
    @Column(name = "extension_request_id")
    private @Nullable Long extensionRequestId;

    protected DeadlineChange() {}

    DeadlineChange(
            Assignment assignment,
            @Nullable LocalDate oldDeadline,
            @Nullable LocalDate newDeadline,
            String reason,
            AppUser by) {
        this.assignment = assignment;
        this.oldDeadline = oldDeadline;
        this.newDeadline = newDeadline;
        this.reason = reason;
        this.changedBy = by;
        this.changedAt = LocalDateTime.now();
    }

    DeadlineChange(
            Assignment assignment,
            LocalDate oldDeadline,
            LocalDate newDeadline,
            String reason,
            AppUser by,
            long extensionRequestId) {
        this(assignment, oldDeadline, newDeadline, reason, by);
        this.extensionRequestId = extensionRequestId;
    }

    public @Nullable Long getExtensionRequestId() {
        return extensionRequestId;
    }

    /** Whether the change is the assignment's first deadline (set when it was given). */
    public boolean isInitial() {
        return oldDeadline == null && "assign".equals(reason);
    }

    public @Nullable LocalDate getOldDeadline() {
        return oldDeadline;
    }

    public @Nullable LocalDate getNewDeadline() {
        return newDeadline;
    }

    public String getReason() {
        return reason;
    }

    public AppUser getChangedBy() {
        return changedBy;
    }

    public LocalDateTime getChangedAt() {
        return changedAt;
    }
}
