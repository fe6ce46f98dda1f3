package vn.gov.moha.portal.workflow.report;

import java.util.HashSet;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.UnitKind;

/**
 * The approval chains as data: ADMIN changes the roles and their order without code. Each role
 * decides within its reach: a unit head for their own unit, a manager for the department that owns
 * the task, a leader for the whole ministry.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ApprovalChainService {

    private final ApprovalStepRepository steps;
    private final ReportRepository reports;
    private final EventLog log;

    ApprovalChainService(ApprovalStepRepository steps, ReportRepository reports, EventLog log) {
        this.steps = steps;
        this.reports = reports;
        this.log = log;
    }

    public List<Role> chain(ApprovalStep.Chain chain) {
        return steps.findChain(chain).stream().map(ApprovalStep::role).toList();
    }

    /** Replaces a chain; refused while reports of that chain are waiting, so none is left at a step that is gone. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void replace(ApprovalStep.Chain chain, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.of(chain.name(), "chain.error.empty");
        }
        if (roles.stream().anyMatch(r -> scopeOf(r) == null)) {
            throw InvalidInputException.of(chain.name(), "chain.error.role");
        }
        if (new HashSet<>(roles).size() != roles.size()) {
            throw InvalidInputException.of(chain.name(), "chain.error.duplicate");
        }
        UnitKind kind = chain == ApprovalStep.Chain.PROVINCE ? UnitKind.PROVINCE : UnitKind.DEPARTMENT;
        if (reports.countWaiting(kind) > 0) {
            throw InvalidInputException.of(chain.name(), "chain.error.waiting");
        }
        List<Role> before = chain(chain);
        steps.deleteAll(steps.findChain(chain));
        steps.flush();
        for (int i = 0; i < roles.size(); i++) {
            steps.save(new ApprovalStep(chain, i + 1, roles.get(i), scopeOf(roles.get(i))));
        }
        log.record("CHAIN_CHANGE", "APPROVAL_CHAIN", null, null, chain + ": " + before, chain + ": " + roles);
    }

    static ApprovalStep.Scope scopeOf(Role role) {
        return switch (role) {
            case UNIT_HEAD -> ApprovalStep.Scope.OWN_UNIT;
            case MANAGER -> ApprovalStep.Scope.TASK_DEPARTMENT;
            case LEADER -> ApprovalStep.Scope.MINISTRY;
            default -> null;
        };
    }
}
