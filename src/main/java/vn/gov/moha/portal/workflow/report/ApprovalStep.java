package vn.gov.moha.portal.workflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import vn.gov.moha.portal.security.Role;

/**
 * One step of an approval chain, as data: which role decides, and over whose reports (the
 * reporting unit's own head, the manager of the department that owns the task, or any leader).
 */
@Entity
@Table(name = "approval_step")
public class ApprovalStep {

    /** Which chain: reports of provinces, or of ministry departments. */
    public enum Chain {
        PROVINCE,
        DEPARTMENT
    }

    /** Whose reports a step's role may decide on. */
    public enum Scope {
        OWN_UNIT,
        TASK_DEPARTMENT,
        MINISTRY
    }

    @Embeddable
    public record Key(
            @Enumerated(EnumType.STRING) @Column(name = "chain", length = 20)
            Chain chain,

            @Column(name = "step_order") int stepOrder)
            implements Serializable {}

    // Not a BaseEntity: a step is keyed by its chain and its place in it (composite id, no generated one).
    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Scope scope;

    protected ApprovalStep() {}

    ApprovalStep(Chain chain, int stepOrder, Role role, Scope scope) {
        this.key = new Key(chain, stepOrder);
        this.role = role;
        this.scope = scope;
    }

    public Chain chain() {
        return key.chain();
    }

    public int stepOrder() {
        return key.stepOrder();
    }

    public Role role() {
        return role;
    }

    public Scope scope() {
        return scope;
    }
}
