package vn.gov.moha.portal.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/**
 * Issue 18: the dashboard's figures, rolled up to the successors, are the same before and after a transfer where
 * nothing was merged (the work only changed hands), and merged work counts once.
 */
@PortalTest
class TransferDashboardTest extends KaribuTest {

    @Autowired
    TransferFixture fixture;

    @Autowired
    UnitTransferService transfers;

    @Autowired
    DashboardService dashboard;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    private Runnable restore;
    private final LocalDate yesterday = LocalDate.now().minusDays(1);

    @BeforeEach
    void keepUnits() {
        restore = fixture.snapshot();
    }

    @AfterEach
    void putUnitsBack() {
        restore.run();
    }

    /** Lâm Đồng ends as the reference data ends a merged province: a date and a successor, its work left behind. */
    private void endWithoutMoving(Long unitId, Long successorId) {
        jdbc.update("update org_unit set valid_to = ?, successor_id = ? where id = ?", yesterday, successorId, unitId);
    }

    @Test
    void figuresRolledUpAreTheSameBeforeAndAfterATransferWithoutMerges() {
        TransferFixture.Scenario s = fixture.build();
        Long daNang = workflow.unit("SNV-48").getId(); // has no task 2 or 3: nothing merges
        endWithoutMoving(s.lamDong().getId(), daNang);
        Map<String, String> before = figures();

        login("admin");
        TransferResult r = transfers.confirm(
                new TransferRequest(s.lamDong().getId(), yesterday, daNang),
                transfers
                        .preview(new TransferRequest(s.lamDong().getId(), yesterday, daNang))
                        .version());
        assertThat(r.movedAssignments()).isEqualTo(2);
        assertThat(r.mergedAssignments()).isZero();

        Map<String, String> after = figures();
        System.out.println("Dashboard (leader, rolled up) before and after the transfer:\n" + before + "\n" + after);
        assertThat(after).isEqualTo(before);
        assertThat(before.get("state IN_PROGRESS_ON_TIME")).isNotEqualTo("0");
    }

    @Test
    void aMergedAssignmentCountsOnce() {
        TransferFixture.Scenario s = fixture.build();
        endWithoutMoving(s.lamDong().getId(), s.haNoi().getId());
        Map<String, String> before = figures();
        String cell = "cell " + s.haNoi3().getTask().getId() + "/" + s.haNoi().getId();
        assertThat(before.get(cell)).startsWith("2 ");

        login("admin");
        TransferRequest toHaNoi =
                new TransferRequest(s.lamDong().getId(), yesterday, s.haNoi().getId());
        transfers.confirm(toHaNoi, transfers.preview(toHaNoi).version());

        Map<String, String> after = figures();
        assertThat(after.get(cell)).startsWith("1 ");
        assertThat(Long.parseLong(after.get("total"))).isEqualTo(Long.parseLong(before.get("total")) - 1);
        assertThat(after.get("waiting")).isEqualTo(before.get("waiting"));
        assertThat(after.get("extensions")).isEqualTo(before.get("extensions"));
    }

    /** What the leader's dashboard shows for 2024, rolled up: states, waiting, extensions, missing, every cell. */
    private Map<String, String> figures() {
        login("lanhdao");
        DashboardFilter filter = DashboardFilter.of(2024).withRollUp(true);
        Figures.Headline h = dashboard.headline(filter);
        Map<String, String> f = new TreeMap<>();
        h.byState().forEach((state, n) -> f.put("state " + state, String.valueOf(n)));
        f.put("total", String.valueOf(h.total()));
        f.put("waiting", String.valueOf(h.waitingTotal()));
        f.put("extensions", String.valueOf(h.openExtensions()));
        f.put("missing units", String.valueOf(h.notReported().units()));
        f.put("missing reports", String.valueOf(h.notReported().reports()));
        dashboard
                .matrix(filter, true)
                .cells()
                .values()
                .forEach(c -> f.put(
                        "cell " + c.taskId() + "/" + c.unitId(),
                        c.count() + " " + c.worst() + " " + new TreeMap<>(c.states())));
        logout();
        return f;
    }
}
