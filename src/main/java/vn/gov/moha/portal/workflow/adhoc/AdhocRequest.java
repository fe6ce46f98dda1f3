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
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;

/**
 * A manager's request for an ad hoc or thematic report: its subject, what it asks, its due date (hạn gửi);
 * it belongs to the manager's department ({@code dept}), whose managers follow and decide the answers.
 */
@Entity
@Table(name = "adhoc_request")
public class AdhocRequest extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AdhocKind kind;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(nullable = false, length = 4000)
    private String content;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dept_id")
    private OrgUnit dept;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private AppUser createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected AdhocRequest() {}

    AdhocRequest(AdhocKind kind, String title, String content, LocalDate dueDate, OrgUnit dept, AppUser by) {
        this.kind = kind;
        this.title = title;
        this.content = content;
        this.dueDate = dueDate;
        this.dept = dept;
        this.createdBy = by;
        this.createdAt = LocalDateTime.now();
    }

    void moveDue(LocalDate due) {
        this.dueDate = due;
    }

    public AdhocKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public OrgUnit getDept() {
        return dept;
    }

    public AppUser getCreatedBy() {
        return createdBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
