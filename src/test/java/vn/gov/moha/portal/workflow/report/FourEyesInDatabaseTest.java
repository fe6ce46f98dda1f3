package vn.gov.moha.portal.workflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/**
 * The four-eyes rules hold in the database itself, for a write that goes around the portal's Java
 * code (a script, a console, another application): plain SQL inserts and updates of forbidden rows
 * are refused by the constraints of V2__workflow.sql. Runs on H2 and on PostgreSQL. Each forbidden
 * row has a lawful twin of the same shape that the database accepts, so a refusal is the rule's
 * doing and not a mistake in the statement.
 */
@PortalTest
class FourEyesInDatabaseTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    private static final String DECISION = "insert into approval_decision (report_id, round, step_order, role, "
            + "decision, comment, decided_by, submitted_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)";
    private static final String EXTENSION = "insert into extension_request (assignment_id, current_deadline, "
            + "requested_deadline, reason, status, requested_by, requested_at, decided_by, decided_at, decision_comment) "
            + "values (?, ?, ?, ?, ?, ?, current_timestamp, ?, ?, ?)";

    private final List<String> lines = new ArrayList<>();
    private int accepted;
    private int refused;

    private long user(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private void allowed(String what, String sql, Object... args) {
        int rows = jdbc.update(sql, args);
        assertThat(rows).as(what).isEqualTo(1);
        accepted++;
        lines.add(String.format("  accepted  %-60s", what));
    }

    /** The statement fails, the database names the constraint, and the table is as it was. */
    private void forbidden(String what, String constraint, String table, String sql, Object... args) {
        String before = snapshot(table);
        try {
            jdbc.update(sql, args);
            fail("the database accepted: " + what);
        } catch (DataAccessException e) {
            String message = e.getMostSpecificCause().getMessage();
            assertThat(message.toLowerCase())
                    .as("%s: the database names the rule", what)
                    .contains(constraint);
            refused++;
            lines.add(String.format(
                    "  REFUSED   %-60s by %-27s: %s",
                    what, constraint, message.lines().findFirst().orElse("").strip()));
        }
        assertThat(snapshot(table)).as("%s leaves %s as it was", what, table).isEqualTo(before);
    }

    private String snapshot(String table) {
        return jdbc.queryForList("select * from " + table + " order by id").toString();
    }

    @Test
    void forbiddenDecisionsAndExtensionDecisionsAreRefusedByTheDatabase() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        long officer = user("lamdong.cv");
        long head = user("lamdong.truong");
        long manager = user("quanly");
        long leader = user("lanhdao");
        assertThat(jdbc.queryForObject("select submitted_by from progress_report where id = ?", Long.class, r.getId()))
                .isEqualTo(officer);

        allowed(
                "unit head decides step 1 of round 1",
                DECISION,
                r.getId(),
                1,
                1,
                "UNIT_HEAD",
                "APPROVED",
                null,
                head,
                officer);
        forbidden(
                "the submitting officer decides step 2 of their own report",
                "ck_decision_four_eyes",
                "approval_decision",
                DECISION,
                r.getId(),
                1,
                2,
                "MANAGER",
                "APPROVED",
                null,
                officer,
                officer);
        forbidden(
                "a second decision on step 1 of round 1 (manager)",
                "uk_decision_step",
                "approval_decision",
                DECISION,
                r.getId(),
                1,
                1,
                "UNIT_HEAD",
                "APPROVED",
                null,
                manager,
                officer);
        forbidden(
                "the unit head decides step 2 of the same round too",
                "uk_decision_person",
                "approval_decision",
                DECISION,
                r.getId(),
                1,
                2,
                "MANAGER",
                "APPROVED",
                null,
                head,
                officer);
        allowed(
                "manager decides step 2 of round 1",
                DECISION,
                r.getId(),
                1,
                2,
                "MANAGER",
                "APPROVED",
                null,
                manager,
                officer);
        forbidden(
                "a return without a reason",
                "ck_decision_return_reason",
                "approval_decision",
                DECISION,
                r.getId(),
                1,
                3,
                "LEADER",
                "RETURNED",
                null,
                leader,
                officer);
        forbidden(
                "an update making step 1's decider the submitter",
                "ck_decision_four_eyes",
                "approval_decision",
                "update approval_decision set decided_by = submitted_by where report_id = ? and step_order = 1",
                r.getId());
        forbidden(
                "an update making the head decide step 2 as well",
                "uk_decision_person",
                "approval_decision",
                "update approval_decision set decided_by = ? where report_id = ? and step_order = 2",
                head,
                r.getId());
        forbidden(
                "an update moving step 2's decision onto step 1",
                "uk_decision_step",
                "approval_decision",
                "update approval_decision set step_order = 1 where report_id = ? and step_order = 2",
                r.getId());
        allowed(
                "leader returns at step 3 with a reason",
                DECISION,
                r.getId(),
                1,
                3,
                "LEADER",
                "RETURNED",
                "Bổ sung số liệu",
                leader,
                officer);
        allowed(
                "round 2: the same head decides step 1 again",
                DECISION,
                r.getId(),
                2,
                1,
                "UNIT_HEAD",
                "APPROVED",
                null,
                head,
                officer);

        Date deadline = Date.valueOf(a.getDeadline());
        Date later = Date.valueOf(a.getDeadline().plusDays(20));
        forbidden(
                "an extension decided by the person who asked",
                "ck_extension_four_eyes",
                "extension_request",
                EXTENSION,
                a.getId(),
                deadline,
                later,
                "Chờ số liệu",
                "APPROVED",
                head,
                head,
                java.sql.Timestamp.valueOf(LocalDate.now().atStartOfDay()),
                "Tự đồng ý");
        forbidden(
                "an extension to a date that is not later",
                "ck_extension_later",
                "extension_request",
                EXTENSION,
                a.getId(),
                deadline,
                deadline,
                "Chờ số liệu",
                "PENDING",
                head,
                null,
                null,
                null);
        allowed(
                "the head asks for an extension",
                EXTENSION,
                a.getId(),
                deadline,
                later,
                "Chờ số liệu",
                "PENDING",
                head,
                null,
                null,
                null);
        long request = jdbc.queryForObject("select max(id) from extension_request", Long.class);
        forbidden(
                "an update approving the request as the person who asked",
                "ck_extension_four_eyes",
                "extension_request",
                "update extension_request set status = 'APPROVED', decided_by = requested_by, "
                        + "decided_at = current_timestamp where id = ?",
                request);
        allowed(
                "a leader approves the request",
                "update extension_request set status = 'APPROVED', decided_by = ?, "
                        + "decided_at = current_timestamp where id = ?",
                leader,
                request);

        System.out.printf(
                "Database four-eyes rules on %s: %d forbidden writes refused, %d lawful twins accepted%n%s%n",
                databaseName(), refused, accepted, String.join("\n", lines));
        assertThat(refused).isEqualTo(10);
        assertThat(accepted).isEqualTo(6);
    }

    private String databaseName() {
        return jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
    }
}
