package vn.gov.moha.portal.workflow.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;

/** A coordinating unit's contribution (ý kiến phối hợp) to the lead unit's assignment. */
@Entity
@Table(name = "contribution")
public class Contribution extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @Column(nullable = false, length = 4000)
    private String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private AppUser author;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Contribution() {}

    Contribution(Assignment assignment, OrgUnit unit, String text, AppUser author) {
        this.assignment = assignment;
        this.unit = unit;
        this.text = text;
        this.author = author;
        this.createdAt = LocalDateTime.now();
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public String getText() {
        return text;
    }

    public AppUser getAuthor() {
        return author;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
