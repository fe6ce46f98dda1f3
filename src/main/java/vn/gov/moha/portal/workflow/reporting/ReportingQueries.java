package vn.gov.moha.portal.workflow.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;

/**
 * The database's answer to "who reported for which period, on time, late or not at all": one SQL
 * statement over the given periods (a VALUES table) joined to the ongoing assignments and their
 * reports, grouped per assignment and period. The same text runs on H2 and PostgreSQL. Callers
 * (the secured {@link ReportingService}, tests) decide the periods, the scope and the day. Stored
 * timestamps are wall-clock times in {@code hibernate.jdbc.time_zone} (Vietnam), so a due date's end
 * is compared as that zone's midnight.
 */
@Component
class ReportingQueries {

    /**
     * Which rows: null fields mean all; {@code unitId} is the lead unit, {@code unitSearch} folded text,
     * {@code departmentId} the ministry department that owns the task (a manager's reach).
     */
    record Criteria(
            @Nullable Long unitId,
            @Nullable Long assignmentId,
            @Nullable Long taskId,
            @Nullable String unitSearch,
            @Nullable PeriodStatus status,
            @Nullable Long departmentId) {

        Criteria(
                @Nullable Long unitId,
                @Nullable Long assignmentId,
                @Nullable Long taskId,
                @Nullable String unitSearch,
                @Nullable PeriodStatus status) {
            this(unitId, assignmentId, taskId, unitSearch, status, null);
        }

        static Criteria all() {
            return new Criteria(null, null, null, null, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final ReportingPeriods periods;
    /** The zone Hibernate writes timestamps in; read them back the same way, so times match the entities'. */
    private final TimeZone databaseZone;

    ReportingQueries(
            JdbcTemplate jdbc,
            ReportingPeriods periods,
            @Value("${spring.jpa.properties.hibernate.jdbc.time_zone:}") String databaseZone) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.databaseZone = databaseZone.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(databaseZone);
    }

    /** Rows in display order: newest period first, then task number, unit code. */
    List<ReportingRow> rows(List<Period> of, Criteria criteria, LocalDate today, int offset, int limit) {
        if (of.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Period> byKey =
                of.stream().collect(Collectors.toMap(Period::key, Function.identity(), (a, b) -> a));
        List<Object> args = new ArrayList<>();
        String sql = "select * from (" + statement(of, criteria, today, args) + ") x"
                + (criteria.status() == null ? "" : " where x.status = ?")
                + " order by x.end_date desc, x.start_date desc, x.task_number, x.unit_code, x.assignment_id"
                + " offset ? rows fetch next ? rows only";
        if (criteria.status() != null) {
            args.add(criteria.status().name());
        }
        args.add(Math.max(0, offset));
        args.add(limit);
        return jdbc.query(
                sql,
                (rs, i) -> {
                    Timestamp sent = rs.getTimestamp("submitted_at", Calendar.getInstance(databaseZone));
                    return new ReportingRow(
                            byKey.get(rs.getString("period_key")),
                            rs.getLong("assignment_id"),
                            rs.getLong("task_id"),
                            rs.getInt("task_number"),
                            rs.getString("title_vi"),
                            rs.getString("title_en"),
                            rs.getLong("unit_id"),
                            rs.getString("unit_code"),
                            rs.getString("name_vi"),
                            rs.getString("name_en"),
                            PeriodStatus.valueOf(rs.getString("status").trim()),
                            sent == null ? null : sent.toLocalDateTime());
                },
                args.toArray());
    }

    /** How many rows of each status (every status present, 0 when none). */
    Map<PeriodStatus, Long> counts(List<Period> of, Criteria criteria, LocalDate today) {
        Map<PeriodStatus, Long> counts = new EnumMap<>(PeriodStatus.class);
        for (PeriodStatus s : PeriodStatus.values()) {
            counts.put(s, 0L);
        }
        if (of.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>();
        String sql = "select x.status, count(*) as n from (" + statement(of, criteria, today, args) + ") x"
                + (criteria.status() == null ? "" : " where x.status = ?") + " group by x.status";
        if (criteria.status() != null) {
            args.add(criteria.status().name());
        }
        jdbc.query(
                sql,
                rs -> {
                    counts.put(PeriodStatus.valueOf(rs.getString("status").trim()), rs.getLong("n"));
                },
                args.toArray());
        return counts;
    }

    /**
     * Reports missing for the periods (due date passed, nothing sent): how many distinct lead units
     * ({@code [0]}) and how many (assignment, period) rows ({@code [1]}); one statement.
     */
    long[] missing(List<Period> of, Criteria criteria, LocalDate today) {
        if (of.isEmpty()) {
            return new long[2];
        }
        List<Object> args = new ArrayList<>();
        String sql = "select count(distinct x.unit_id) as units, count(*) as n from ("
                + statement(of, criteria, today, args) + ") x where x.status = 'MISSING'";
        return jdbc.query(
                sql,
                rs -> {
                    rs.next();
                    return new long[] {rs.getLong("units"), rs.getLong("n")};
                },
                args.toArray());
    }

    /**
     * The lead units with the most reports sent late or missing over the periods, most first (ties: more
     * missing first, then unit code); one statement.
     */
    List<UnitLateness> lateByUnit(List<Period> of, Criteria criteria, LocalDate today, int limit) {
        if (of.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String sql = "select x.unit_id, x.unit_code, x.name_vi, x.name_en,"
                + " sum(case when x.status = 'LATE' then 1 else 0 end) as late,"
                + " sum(case when x.status = 'MISSING' then 1 else 0 end) as missing"
                + " from (" + statement(of, criteria, today, args) + ") x where x.status in ('LATE', 'MISSING')"
                + " group by x.unit_id, x.unit_code, x.name_vi, x.name_en"
                + " order by count(*) desc, sum(case when x.status = 'MISSING' then 1 else 0 end) desc, x.unit_code"
                + " offset 0 rows fetch next ? rows only";
        args.add(limit);
        return jdbc.query(
                sql,
                (rs, i) -> new UnitLateness(
                        rs.getLong("unit_id"),
                        rs.getString("unit_code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getLong("late"),
                        rs.getLong("missing")),
                args.toArray());
    }

    /**
     * One row per (ongoing assignment, period it owes): owed when the assignment existed on the period's
     * cut-off day, was not completed before the period opened for reporting (the day after the previous
     * period's due date), and its lead unit still existed when the period's window began. A report counts
     * from its first submission; drafts never count.
     */
    private String statement(List<Period> of, Criteria c, LocalDate today, List<Object> args) {
        StringBuilder values = new StringBuilder();
        List<Object> valueArgs = new ArrayList<>();
        for (Period p : of) {
            values.append(values.isEmpty() ? "" : ", ")
                    .append(
                            "(cast(? as varchar(10)), cast(? as varchar(20)), "
                                    + "cast(? as date), cast(? as date), cast(? as date), cast(? as timestamp), cast(? as date))");
            valueArgs.addAll(List.of(
                    p.key(),
                    p.kind().name(),
                    p.from(),
                    p.to(),
                    p.due(),
                    Timestamp.valueOf(p.due().plusDays(1).atStartOfDay()),
                    periods.previous(p).due()));
        }
        args.add(today);
        args.addAll(valueArgs);
        StringBuilder sql = new StringBuilder("""
                select p.period_key, p.start_date, p.end_date, a.id as assignment_id, t.id as task_id,
                       t.number as task_number, t.title_vi, t.title_en, u.id as unit_id, u.code as unit_code,
                       u.name_vi, u.name_en, min(r.first_submitted_at) as submitted_at,
                       case when min(r.first_submitted_at) is null
                                 then case when p.due_date < cast(? as date) then 'MISSING' else 'NOT_DUE' end
                            when min(r.first_submitted_at) < p.due_end then 'ON_TIME'
                            else 'LATE' end as status
                from (values\s""")
                .append(values)
                .append("""
                ) as p (period_key, kind, start_date, end_date, due_date, due_end, previous_due)
                join assignment a on a.reporting_period = p.kind
                join priority_task t on t.id = a.task_id
                join org_unit u on u.id = a.lead_unit_id
                left join progress_report r on r.assignment_id = a.id and r.period_key = p.period_key
                                           and r.first_submitted_at is not null
                where\s""")
                .append(ReportingPeriods.OWED_SQL)
                .append("\n");
        if (c.unitId() != null) {
            sql.append(" and a.lead_unit_id = ?");
            args.add(c.unitId());
        }
        if (c.assignmentId() != null) {
            sql.append(" and a.id = ?");
            args.add(c.assignmentId());
        }
        if (c.taskId() != null) {
            sql.append(" and t.id = ?");
            args.add(c.taskId());
        }
        if (c.departmentId() != null) {
            sql.append(" and t.lead_unit_id = ?");
            args.add(c.departmentId());
        }
        if (c.unitSearch() != null && !c.unitSearch().isEmpty()) {
            sql.append(" and u.search_text like ? escape '\\'");
            args.add("%" + SearchText.likeLiteral(c.unitSearch()) + "%");
        }
        sql.append("""

                group by p.period_key, p.start_date, p.end_date, p.due_date, p.due_end, a.id, t.id, t.number,
                         t.title_vi, t.title_en, u.id, u.code, u.name_vi, u.name_en""");
        return sql.toString();
    }
}
