package vn.gov.moha.portal.workflow.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/** {@link DueDates} in plain SQL that H2 and PostgreSQL both run. */
@Component
class DueDateQueries implements DueDates {

    private final JdbcTemplate jdbc;

    DueDateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenAssignment> openDueBy(LocalDate day) {
        String where = " where a.deadline is not null and a.completed_on is null and a.merged_into_id is null"
                + " and a.deadline <= ?";
        Date until = Date.valueOf(day);
        Map<Long, List<Unit>> coordinators = new HashMap<>();
        jdbc.query(
                "select c.assignment_id, c.unit_id, u.name_vi from assignment_coordinator c "
                        + "join assignment a on a.id = c.assignment_id join org_unit u on u.id = c.unit_id" + where
                        + " order by c.assignment_id, u.code",
                rs -> {
                    coordinators
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Unit(rs.getLong(2), rs.getString(3)));
                },
                until);
        return jdbc.query(
                "select a.id, a.deadline, a.lead_unit_id, t.number, u.name_vi from assignment a "
                        + "join priority_task t on t.id = a.task_id join org_unit u on u.id = a.lead_unit_id" + where
                        + " order by a.id",
                (rs, i) -> new OpenAssignment(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getInt(4),
                        new Unit(rs.getLong(3), rs.getString(5)),
                        List.copyOf(coordinators.getOrDefault(rs.getLong(1), List.of()))),
                until);
    }

    @Override
    public List<UnsentReport> unsentReports(List<AskedPeriod> periods) {
        if (periods.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            AskedPeriod p = periods.get(i);
            values.append(values.isEmpty() ? "" : ", ")
                    .append("(cast(? as integer), cast(? as varchar(10)), "
                            + "cast(? as varchar(20)), cast(? as date), cast(? as date), cast(? as date))");
            args.addAll(List.of(
                    i,
                    p.period().key(),
                    p.period().kind().name(),
                    Date.valueOf(p.period().from()),
                    Date.valueOf(p.period().to()),
                    Date.valueOf(p.previousDue())));
        }
        String sql = "select p.i, a.id, t.number, a.lead_unit_id, u.name_vi from (values " + values + ") "
                + "as p (i, period_key, kind, start_date, end_date, previous_due) "
                + "join assignment a on a.reporting_period = p.kind "
                + "join priority_task t on t.id = a.task_id "
                + "join org_unit u on u.id = a.lead_unit_id "
                + "where " + ReportingPeriods.OWED_SQL // owed as on the reporting screen
                + " and not exists (select 1 from progress_report r where r.assignment_id = a.id "
                + "and r.period_key = p.period_key and r.first_submitted_at is not null) "
                + "order by a.id, p.i";
        return jdbc.query(
                sql,
                (rs, n) -> new UnsentReport(
                        rs.getInt(1), rs.getLong(2), rs.getInt(3), new Unit(rs.getLong(4), rs.getString(5))),
                args.toArray());
    }

    @Override
    public List<UnsentAdhoc> unsentAdhocDueBy(LocalDate day) {
        return jdbc.query(
                "select r.id, a.id, r.title, r.due_date, u.id, u.name_vi from adhoc_answer a "
                        + "join adhoc_request r on r.id = a.request_id join org_unit u on u.id = a.unit_id "
                        + "where a.first_sent_at is null and a.status in ('PENDING', 'DRAFTED') and r.due_date <= ? "
                        + "order by r.due_date, a.id",
                (rs, i) -> new UnsentAdhoc(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        new Unit(rs.getLong(5), rs.getString(6))),
                Date.valueOf(day));
    }
}
