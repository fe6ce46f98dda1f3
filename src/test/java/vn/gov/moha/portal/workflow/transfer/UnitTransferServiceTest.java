package vn.gov.moha.portal.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.report.ReportStatus;
import vn.gov.moha.portal.workflow.reporting.AssignmentPage;
import vn.gov.moha.portal.workflow.reporting.AssignmentPages;

/** Issue 18 point 1: ending a unit and handing its open work to its successor, rule by rule. */
@PortalTest
class UnitTransferServiceTest extends KaribuTest {

    @Autowired
    UnitTransferService transfers;

    @Autowired
    TransferFixture fixture;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ReportService reports;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssignmentPages pages;

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

    private TransferRequest lamDongToHaNoi(TransferFixture.Scenario s) {
        return new TransferRequest(s.lamDong().getId(), yesterday, s.haNoi().getId());
    }

    @Test
    void thePreviewCountsWhatWillMoveAndChangesNothing() {
        TransferFixture.Scenario s = fixture.build();
        long events = events();
        login("admin");
        TransferPreview p = transfers.preview(lamDongToHaNoi(s));

        assertThat(p.moves())
                .extracting(
                        m -> m.taskNumber() + (m.mergeIntoId() == null ? " moves" : " merges into " + m.mergeIntoId()))
                .containsExactly("2 moves", "3 merges into " + s.haNoi3().getId());
        assertThat(p.openAssignments()).isEqualTo(2);
        assertThat(p.openReports()).as("the report waiting at Lâm Đồng's head").isEqualTo(1);
        assertThat(p.owedReports())
                .as("the quarterly task owes at least one quarter")
                .isPositive();
        assertThat(p.pendingExtensions()).isEqualTo(1);
        assertThat(p.coordinatingRoles()).as("Đà Nẵng's task 8").isEqualTo(1);
        assertThat(p.users())
                .as("lamdong.cv, lamdong.truong and any account a test made")
                .isEqualTo(accounts(s));
        assertThat(events()).isEqualTo(events);
        assertThat(leadOf(s.lamDong2().getId())).isEqualTo("SNV-68");
    }

    @Test
    void confirmingMovesTheWorkMergesTheSameTaskAndKeepsTheReportAtItsStep() {
        TransferFixture.Scenario s = fixture.build();
        login("admin");
        TransferPreview p = transfers.preview(lamDongToHaNoi(s));
        int accounts = accounts(s);
        TransferResult r = transfers.confirm(lamDongToHaNoi(s), p.version());

        assertThat(r).isEqualTo(new TransferResult(true, 1, 1, 1, 1, 1, accounts));
        assertThat(leadOf(s.lamDong2().getId())).as("task 2 moved").isEqualTo("SNV-01");
        assertThat(leadOf(s.lamDong8Done().getId()))
                .as("done work stays with the ended unit")
                .isEqualTo("SNV-68");
        assertThat(jdbc.queryForObject(
                        "select merged_into_id from assignment where id = ?",
                        Long.class,
                        s.lamDong3().getId()))
                .isEqualTo(s.haNoi3().getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from assignment_coordinator where assignment_id = ? and unit_id = ?",
                        Long.class,
                        s.daNang8().getId(),
                        s.haNoi().getId()))
                .as("Hà Nội coordinates Đà Nẵng's task 8 now")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select assignment_id from extension_request where requested_by = "
                                + "(select id from app_user where username = 'lamdong.cv')",
                        Long.class))
                .isEqualTo(s.haNoi3().getId());
        assertThat(jdbc.queryForObject(
                        "select u.code from org_unit u join app_user a on a.unit_id = u.id"
                                + " where a.username = 'lamdong.cv'",
                        String.class))
                .isEqualTo("SNV-01");

        // the report waits at the first step still, now for Hà Nội's head, on the merged assignment
        login("hanoi.truong");
        List<ProgressReport> waiting = reports.waitingForMe();
        assertThat(waiting)
                .extracting(ProgressReport::getId)
                .contains(s.waiting().getId());
        ProgressReport moved = reports.find(s.waiting().getId()).orElseThrow();
        assertThat(moved.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(moved.getCurrentStep()).isEqualTo(s.waiting().getCurrentStep());
        assertThat(moved.getAssignment().getId()).isEqualTo(s.haNoi3().getId());

        // the merged page: both histories, both units' reports, and the task counted once in the list
        login("quanly");
        var history = assignments.history(s.haNoi3().getId()).entries();
        assertThat(history).extracting(e -> e.getAction()).contains("REPORT_SUBMIT", "UNIT_MERGE", "ASSIGN");
        assertThat(history)
                .as("Lâm Đồng's own entries come along")
                .anyMatch(e -> s.lamDong3().getId().equals(e.getAssignmentId()));
        assertThat(reports.reportsOf(s.haNoi3().getId()))
                .extracting(ProgressReport::getId)
                .contains(s.waiting().getId());
        assertThat(assignments.list(2024, s.haNoi3().getTask().getId(), "", 0, 100))
                .extracting(a -> a.getLeadUnit().getCode())
                .containsExactly("SNV-01");
        assertThat(eventsOf("UNIT_END")).isEqualTo(1);
    }

    @Test
    void aMovedOpenReportsIndicatorValueFollowsTheSurvivorsIndicatorAndCountsThereOnceAccepted() {
        TransferFixture.Scenario s = fixture.build();
        Long haNoiIndicator = indicatorIds(s.haNoi3().getId()).get(0);
        Long lamDongIndicator = indicatorIds(s.lamDong3().getId()).get(0);
        login("admin");
        transfers.confirm(
                lamDongToHaNoi(s), transfers.preview(lamDongToHaNoi(s)).version());

        assertThat(indicatorIds(s.haNoi3().getId()))
                .as("the same indicator: none added")
                .containsExactly(haNoiIndicator);
        ProgressReport moved = workflow.current("hanoi.truong", s.waiting().getId());
        assertThat(moved.getIndicatorValues())
                .as("Lâm Đồng's 48 now on Hà Nội's indicator, the one its report form shows")
                .containsOnlyKeys(haNoiIndicator);
        assertThat(moved.getIndicatorValues().get(haNoiIndicator)).isEqualByComparingTo("48");
        assertThat(indicatorIds(s.lamDong3().getId()))
                .as("the merged-away assignment keeps its own indicator, as history")
                .containsExactly(lamDongIndicator);

        // accepted along Hà Nội's chain, the surviving assignment's page shows it as the reported figure
        workflow.approveAs("hanoi.truong", s.waiting().getId());
        workflow.approveAs("quanly", s.waiting().getId());
        assertThat(workflow.approveAs("lanhdao", s.waiting().getId()).getStatus())
                .isEqualTo(ReportStatus.APPROVED);
        login("quanly");
        AssignmentPage page = pages.open(s.haNoi3().getId()).orElseThrow();
        assertThat(page.reports().stream()
                        .filter(r -> r.getStatus() == ReportStatus.APPROVED)
                        .findFirst()
                        .orElseThrow()
                        .getIndicatorValues()
                        .get(page.assignment().getIndicators().get(0).getId()))
                .isEqualByComparingTo("48");
    }

    @Test
    void anIndicatorTheSurvivorLacksIsAddedToItWithTheValueOfTheMovedReport() {
        TransferFixture.Scenario s = fixture.build();
        jdbc.update(
                "update indicator set name = 'Số người nghỉ hưu trước tuổi' where assignment_id = ?",
                s.haNoi3().getId());
        Long haNoiIndicator = indicatorIds(s.haNoi3().getId()).get(0);
        login("admin");
        transfers.confirm(
                lamDongToHaNoi(s), transfers.preview(lamDongToHaNoi(s)).version());

        List<Long> now = indicatorIds(s.haNoi3().getId());
        assertThat(now).hasSize(2).startsWith(haNoiIndicator);
        assertThat(jdbc.queryForList(
                        "select name || ' (' || unit_of_measure || '): ' || cast(target as int) from indicator"
                                + " where assignment_id = ? order by position",
                        String.class,
                        s.haNoi3().getId()))
                .containsExactly("Số người nghỉ hưu trước tuổi (người): 120", "Số biên chế tinh giản (người): 120");
        assertThat(workflow.current("hanoi.truong", s.waiting().getId()).getIndicatorValues())
                .containsOnlyKeys(now.get(1));
        // and only once: the same transfer again adds nothing
        login("admin");
        transfers.confirm(
                lamDongToHaNoi(s), transfers.preview(lamDongToHaNoi(s)).version());
        assertThat(indicatorIds(s.haNoi3().getId())).isEqualTo(now);
    }

    @Test
    void theSameTransferTwiceChangesNothingTheSecondTime() {
        TransferFixture.Scenario s = fixture.build();
        login("admin");
        transfers.confirm(
                lamDongToHaNoi(s), transfers.preview(lamDongToHaNoi(s)).version());
        long events = events();
        long version = unitVersion(s.lamDong().getId());

        TransferPreview again = transfers.preview(lamDongToHaNoi(s));
        assertThat(again.nothingToDo()).isTrue();
        TransferResult r = transfers.confirm(lamDongToHaNoi(s), again.version());

        assertThat(r.changed()).isFalse();
        assertThat(events()).isEqualTo(events);
        assertThat(unitVersion(s.lamDong().getId())).isEqualTo(version);
    }

    @Test
    void aSuccessorThatIsTheUnitItselfEndedOrLeadingBackIsRefusedOnTheSuccessorField() {
        login("admin");
        var lamDong = workflow.unit("SNV-68");
        var haGiang = workflow.unit("SNV-02"); // ended 30/06/2025, successor Tuyên Quang
        var tuyenQuang = workflow.unit("SNV-08");
        login("admin");
        assertRefused(new TransferRequest(lamDong.getId(), yesterday, lamDong.getId()), "transfer.error.self");
        assertRefused(new TransferRequest(lamDong.getId(), yesterday, haGiang.getId()), "transfer.error.notValid");
        assertRefused(
                new TransferRequest(tuyenQuang.getId(), LocalDate.of(2025, 6, 1), haGiang.getId()),
                "transfer.error.loop");
        assertThatThrownBy(() -> transfers.preview(new TransferRequest(lamDong.getId(), null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactlyInAnyOrder("endDate", "successor"));
        assertThat(leadsNothingChanged(lamDong.getId())).isTrue();
    }

    @Test
    void aConfirmationAfterAnotherAdministratorsIsRefused() {
        TransferFixture.Scenario s = fixture.build();
        Long daNang = workflow.unit("SNV-48").getId();
        login("admin");
        TransferPreview seenByBoth = transfers.preview(lamDongToHaNoi(s));
        transfers.confirm(lamDongToHaNoi(s), seenByBoth.version());

        assertThatThrownBy(() -> transfers.confirm(
                        new TransferRequest(s.lamDong().getId(), yesterday, daNang), seenByBoth.version()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::messageKey)
                                .containsExactly("transfer.error.changed"));
        login("admin");
        assertThat(leadOf(s.lamDong2().getId()))
                .as("the first one's transfer stands")
                .isEqualTo("SNV-01");
    }

    @Test
    void twoAdministratorsConfirmingAtOnceOneWinsTheOtherIsTold() throws Exception {
        TransferFixture.Scenario s = fixture.build();
        login("admin");
        long version = transfers.preview(lamDongToHaNoi(s)).version();
        logout();
        CountDownLatch start = new CountDownLatch(1);
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> admins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                users.login("admin");
                try {
                    start.await();
                    outcomes.add(transfers.confirm(lamDongToHaNoi(s), version));
                } catch (InvalidInputException e) {
                    outcomes.add(e.problems().get(0).messageKey());
                } catch (Exception e) {
                    outcomes.add(e);
                } finally {
                    users.logout();
                }
            });
            admins.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : admins) {
            t.join();
        }
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof TransferResult r && r.changed())
                .hasSize(1);
        assertThat(outcomes).filteredOn("transfer.error.changed"::equals).hasSize(1);
        assertThat(eventsOf("UNIT_END")).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorTransfers() {
        TransferFixture.Scenario s = fixture.build();
        login("quanly");
        assertThatThrownBy(() -> transfers.preview(lamDongToHaNoi(s)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aSplitGivesEachAssignmentToTheSuccessorChosenForIt() {
        TransferFixture.Scenario s = fixture.build();
        Long daNang = workflow.unit("SNV-48").getId();
        login("admin");
        TransferRequest split = new TransferRequest(
                s.lamDong().getId(),
                yesterday,
                s.haNoi().getId(),
                Map.of(s.lamDong2().getId(), daNang));
        TransferPreview p = transfers.preview(split);
        transfers.confirm(split, p.version());
        assertThat(leadOf(s.lamDong2().getId())).isEqualTo("SNV-48");
        assertThat(jdbc.queryForObject(
                        "select merged_into_id from assignment where id = ?",
                        Long.class,
                        s.lamDong3().getId()))
                .isEqualTo(s.haNoi3().getId());
    }

    private void assertRefused(TransferRequest request, String key) {
        assertThatThrownBy(() -> transfers.preview(request))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + " " + p.messageKey())
                                .contains("successor " + key));
    }

    private boolean leadsNothingChanged(Long unitId) {
        return jdbc.queryForObject("select valid_to from org_unit where id = ?", LocalDate.class, unitId) == null;
    }

    private String leadOf(Long assignmentId) {
        return jdbc.queryForObject(
                "select u.code from assignment a join org_unit u on u.id = a.lead_unit_id where a.id = ?",
                String.class,
                assignmentId);
    }

    private List<Long> indicatorIds(Long assignmentId) {
        return jdbc.queryForList(
                "select id from indicator where assignment_id = ? order by position, id", Long.class, assignmentId);
    }

    private long unitVersion(Long id) {
        return jdbc.queryForObject("select version from org_unit where id = ?", Long.class, id);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_log", Long.class);
    }

    private long eventsOf(String action) {
        return jdbc.queryForObject("select count(*) from event_log where action = ?", Long.class, action);
    }

    /** Lâm Đồng's accounts: the demo's two (lamdong.cv, lamdong.truong), and any an earlier test of the run made. */
    private int accounts(TransferFixture.Scenario s) {
        Integer n = jdbc.queryForObject(
                "select count(*) from app_user where unit_id = ?",
                Integer.class,
                s.lamDong().getId());
        assertThat(n).isGreaterThanOrEqualTo(2);
        return n;
    }
}
