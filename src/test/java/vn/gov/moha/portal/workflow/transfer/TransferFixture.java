package vn.gov.moha.portal.workflow.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * Work held by Lâm Đồng (SNV-68) for a transfer to Hà Nội (SNV-01), made through the services as its people would:
 * task 3 given to both (so it merges), the quarterly task 2 to Lâm Đồng alone (it moves, owing a quarter), a
 * submitted report and a pending extension request on Lâm Đồng's task 3, Lâm Đồng coordinating Đà Nẵng's task 8,
 * and Lâm Đồng's own task 8 done. Units and accounts are kept by the database cleaner, so a test that transfers
 * takes a {@link #snapshot} first and puts it back after.
 */
public class TransferFixture {

    /** The scenario's rows: Lâm Đồng's and Hà Nội's assignments and the report waiting at Lâm Đồng's head. */
    public record Scenario(
            OrgUnit lamDong,
            OrgUnit haNoi,
            Assignment lamDong3,
            Assignment haNoi3,
            Assignment lamDong2,
            Assignment daNang8,
            Assignment lamDong8Done,
            ProgressReport waiting) {}

    private final WorkflowFixture workflow;
    private final AssignmentService assignments;
    private final ExtensionService extensions;
    private final TestUsers users;
    private final JdbcTemplate jdbc;

    TransferFixture(
            WorkflowFixture workflow,
            AssignmentService assignments,
            ExtensionService extensions,
            TestUsers users,
            JdbcTemplate jdbc) {
        this.workflow = workflow;
        this.assignments = assignments;
        this.extensions = extensions;
        this.users = users;
        this.jdbc = jdbc;
    }

    public Scenario build() {
        PriorityTask t2 = workflow.task(2);
        PriorityTask t3 = workflow.task(3);
        PriorityTask t8 = workflow.task(8);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        OrgUnit daNang = workflow.unit("SNV-48");
        LocalDate today = LocalDate.now();

        users.login("quanly");
        assignments.assign(workflow.draft(t3, Set.of(lamDong.getId(), haNoi.getId()), today.plusDays(30)));
        assignments.assign(new AssignDraft(
                t2.getId(),
                Set.of(lamDong.getId()),
                Set.of(),
                true,
                null,
                ReportingPeriod.QUARTERLY,
                "Báo cáo sắp xếp tổ chức bộ máy hằng quý",
                List.of(new AssignDraft.IndicatorDraft("Số đơn vị sắp xếp", "đơn vị", new BigDecimal("10"))),
                null,
                null,
                WorkflowFixture.document("02/KH-BNV")));
        users.login("quanly.cchc");
        AssignDraft t8Draft = workflow.draft(t8, Set.of(daNang.getId()), today.plusDays(40));
        assignments.assign(new AssignDraft(
                t8Draft.taskId(),
                t8Draft.leadUnitIds(),
                Set.of(lamDong.getId()),
                false,
                t8Draft.deadline(),
                null,
                t8Draft.expectedOutput(),
                t8Draft.indicators(),
                null,
                null,
                WorkflowFixture.document("03/CV-BNV")));
        assignments.assign(new AssignDraft(
                t8Draft.taskId(),
                Set.of(lamDong.getId()),
                Set.of(),
                false,
                t8Draft.deadline(),
                null,
                t8Draft.expectedOutput(),
                t8Draft.indicators(),
                null,
                null,
                WorkflowFixture.document("04/CV-BNV")));
        users.logout();
        // the quarterly task was given half a year ago, so a quarter is owed; Lâm Đồng's task 8 is done
        jdbc.update(
                "update assignment set created_at = ? where task_id = ?",
                today.minusDays(200).atTime(8, 0),
                t2.getId());
        Assignment lamDong8 = of(t8, lamDong);
        jdbc.update(
                "update assignment set completed_on = ?, percent_complete = 100 where id = ?",
                today.minusDays(1),
                lamDong8.getId());

        Assignment lamDong3 = of(t3, lamDong);
        ProgressReport waiting = workflow.submitReport(lamDong3, 40);
        users.login("lamdong.cv");
        extensions.request(lamDong3.getId(), today.plusDays(60), "Chờ số liệu của các huyện sau sắp xếp");
        users.logout();
        return new Scenario(
                lamDong, haNoi, lamDong3, of(t3, haNoi), of(t2, lamDong), of(t8, daNang), lamDong8, waiting);
    }

    /** The assignment of the task led by the unit, as a manager reads it. */
    public Assignment of(PriorityTask task, OrgUnit unit) {
        Long id = jdbc.queryForObject(
                "select id from assignment where task_id = ? and lead_unit_id = ?",
                Long.class,
                task.getId(),
                unit.getId());
        users.login("admin");
        Assignment a = assignments.find(id).orElseThrow();
        users.logout();
        return a;
    }

    /**
     * The units' end dates, successors and versions and the accounts' units as they are now; running the returned
     * step puts them back (the cleaner keeps units and accounts between tests).
     */
    public Runnable snapshot() {
        List<Map<String, Object>> units = jdbc.queryForList("select id, valid_to, successor_id, version from org_unit");
        List<Map<String, Object>> people = jdbc.queryForList("select id, unit_id, version, search_text from app_user");
        return () -> {
            for (Map<String, Object> u : units) {
                jdbc.update(
                        "update org_unit set valid_to = ?, successor_id = ?, version = ? where id = ?",
                        u.get("valid_to"),
                        u.get("successor_id"),
                        u.get("version"),
                        u.get("id"));
            }
            for (Map<String, Object> p : people) {
                jdbc.update(
                        "update app_user set unit_id = ?, version = ?, search_text = ? where id = ?",
                        p.get("unit_id"),
                        p.get("version"),
                        p.get("search_text"),
                        p.get("id"));
            }
        };
    }
}
