package vn.gov.moha.portal.workflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.DatabaseCleaner;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/** ADMIN changes the approval chain as data; reports then follow the new chain. */
@PortalTest
class ApprovalChainTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    DatabaseCleaner cleaner;

    @Autowired
    ApprovalChainService chains;

    @AfterEach
    void restoreChain() {
        cleaner.clean();
        login("admin");
        chains.replace(ApprovalStep.Chain.PROVINCE, List.of(Role.UNIT_HEAD, Role.MANAGER, Role.LEADER));
        logout();
    }

    @Test
    void aShorterChainIsFollowedByTheNextReport() {
        login("admin");
        assertThat(chains.chain(ApprovalStep.Chain.PROVINCE))
                .containsExactly(Role.UNIT_HEAD, Role.MANAGER, Role.LEADER);
        chains.replace(ApprovalStep.Chain.PROVINCE, List.of(Role.UNIT_HEAD, Role.LEADER));
        logout();

        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 100);
        workflow.approveAs("lamdong.truong", r.getId());
        ProgressReport accepted = workflow.approveAs("lanhdao", r.getId());
        assertThat(accepted.getStatus()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void theChainDoesNotChangeUnderWaitingReportsNorByOthersThanAdmin() {
        Assignment a = workflow.assignTask3ToLamDong();
        workflow.submitReport(a, 10);
        login("admin");
        assertThatThrownBy(() -> chains.replace(ApprovalStep.Chain.PROVINCE, List.of(Role.LEADER)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chain.error.waiting");
        assertThatThrownBy(() -> chains.replace(ApprovalStep.Chain.DEPARTMENT, List.of(Role.LEADER, Role.LEADER)))
                .hasMessageContaining("chain.error.duplicate");
        assertThatThrownBy(() -> chains.replace(ApprovalStep.Chain.DEPARTMENT, List.of(Role.UNIT_OFFICER)))
                .hasMessageContaining("chain.error.role");
        logout();
        login("lanhdao");
        assertThatThrownBy(() -> chains.replace(ApprovalStep.Chain.DEPARTMENT, List.of(Role.LEADER)))
                .isInstanceOf(AccessDeniedException.class);
        logout();
        login("admin");
        assertThat(chains.chain(ApprovalStep.Chain.PROVINCE))
                .containsExactly(Role.UNIT_HEAD, Role.MANAGER, Role.LEADER);
    }
}
