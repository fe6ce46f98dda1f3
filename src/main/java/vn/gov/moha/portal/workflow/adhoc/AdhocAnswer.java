package vn.gov.moha.portal.workflow.adhoc;

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
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;

/**
 * One asked unit's answer to a request, made with the request: its officer writes it (DRAFTED), its head
 * sends it (SENT), the manager accepts it or returns it with a reason (RETURNED: corrected, then sent again).
 */
@Entity
@Table(name = "adhoc_answer")
public class AdhocAnswer extends VersionedEntity {

    public enum Status {
        PENDING,
        DRAFTED,
        SENT,
        ACCEPTED,
        RETURNED;

        /** Whether the unit may still write it. */
        public boolean editable() {
            return this == PENDING || this == DRAFTED || this == RETURNED;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private AdhocRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(name = "answer_text", length = 8000)
    private @Nullable String text;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "drafted_by")
    private @Nullable AppUser draftedBy;

    @Column(name = "drafted_at")
    private @Nullable LocalDateTime draftedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sent_by")
    private @Nullable AppUser sentBy;

    @Column(name = "sent_at")
    private @Nullable LocalDateTime sentAt;

    @Column(name = "first_sent_at")
    private @Nullable LocalDateTime firstSentAt;

    @Column(nullable = false)
    private int round;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    private @Nullable AppUser decidedBy;

    @Column(name = "decided_at")
    private @Nullable LocalDateTime decidedAt;

    @Column(name = "return_reason", length = 2000)
    private @Nullable String returnReason;

    protected AdhocAnswer() {}

    AdhocAnswer(AdhocRequest request, OrgUnit unit) {
        this.request = request;
        this.unit = unit;
    }

    void draft(String text, AppUser by) {
        this.text = text;
        this.draftedBy = by;
        this.draftedAt = LocalDateTime.now();
        this.status = Status.DRAFTED;
    }

    void send(AppUser by) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        this.sentBy = by;
        this.sentAt = now;
        if (firstSentAt == null) {
            firstSentAt = now;
        }
        this.round++;
        this.status = Status.SENT;
    }

    void decide(boolean accept, @Nullable String reason, AppUser by) {
        this.status = accept ? Status.ACCEPTED : Status.RETURNED;
        this.returnReason = accept ? null : reason;
        this.decidedBy = by;
        this.decidedAt = LocalDateTime.now();
    }

    /** Where the answer stands as of the day (see {@link AdhocState}). */
    public AdhocState state(LocalDate today) {
        return switch (status) {
            case PENDING, DRAFTED -> today.isAfter(request.getDueDate()) ? AdhocState.OVERDUE : AdhocState.NOT_SENT;
            case SENT -> AdhocState.SENT;
            case ACCEPTED -> AdhocState.ACCEPTED;
            case RETURNED -> AdhocState.RETURNED;
        };
    }

    /** Sent for the first time after the due date (as for periodic reports, the first sending counts). */
    public boolean sentLate() {
        return firstSentAt != null && firstSentAt.toLocalDate().isAfter(request.getDueDate());
    }

    public AdhocRequest getRequest() {
        return request;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public Status getStatus() {
        return status;
    }

    public @Nullable String getText() {
        return text;
    }

    public @Nullable AppUser getDraftedBy() {
        return draftedBy;
    }

    public @Nullable LocalDateTime getDraftedAt() {
        return draftedAt;
    }

    public @Nullable AppUser getSentBy() {
        return sentBy;
    }

    public @Nullable LocalDateTime getSentAt() {
        return sentAt;
    }

    public @Nullable LocalDateTime getFirstSentAt() {
        return firstSentAt;
    }

    public int getRound() {
        return round;
    }

    public @Nullable AppUser getDecidedBy() {
        return decidedBy;
    }

    public @Nullable LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getReturnReason() {
        return returnReason;
    }
}
