package vn.gov.moha.portal.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.dashboard.Figures.Cell;
import vn.gov.moha.portal.dashboard.Figures.CellAssignment;
import vn.gov.moha.portal.dashboard.Figures.LateUnit;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.ProgressPoint;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.TaskState;
import vn.gov.moha.portal.dashboard.Figures.UnitColumn;
import vn.gov.moha.portal.dashboard.Figures.WaitingStep;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.report.ApprovalStep;

/**
 * The dashboard's SQL, one aggregate statement per figure, alike on H2 and PostgreSQL; the deadline state is a
 * severity rank as of a day. The rules: docs/decisions/0004-dashboard-figures.md.
 *
 * <p>Over 300 lines: SQL text, one method per figure, sharing the severity-rank fragments.
 */
@Component
class DashboardQueries {

    /**
     * The deadline state of assignment {@code a}, as its severity rank ({@link Figures#BY_SEVERITY}): 1 done on time,
     * 2 ongoing (no deadline: its own group, done or not), 3 in progress on time, 4 done late, 5 in progress overdue.
     * Done means completed by {@code asOf}: completed_on is the day the accepted report was sent.
     */
    static final String RANK = "case when a.deadline is null then 2"
            + " when a.completed_on is not null and a.completed_on <= :asOf then"
            + " (case when a.completed_on <= a.deadline then 1 else 4 end)"
            + " when a.deadline >= :asOf then 3 else 5 end";

    /** The percent complete of assignment {@code a}: today's, or on a past day the best reported by its end. */
    static final String PERCENT = "case when :past = false or (a.completed_on is not null and a.completed_on <= :asOf)"
            + " then a.percent_complete else coalesce((select max(pr.percent_complete) from progress_report pr"
            + " where pr.assignment_id = a.id and pr.status in ('SUBMITTED', 'APPROVED')"
            + " and pr.submitted_at < :asOfEnd), 0) end";

    /** The column an assignment falls in: its lead unit, or in roll-up that unit's latest successor. */
    static final String UNIT_KEY =
            "case when :rollUp = true then coalesce(s1.successor_id, u.successor_id, u.id)" + " else u.id end";

    /** The assignments with their task and lead unit (and its successor). */
    private static final String FROM = " from assignment a"
            + " join priority_task t on t.id = a.task_id"
            + " join org_unit u on u.id = a.lead_unit_id"
            + " left join org_unit s1 on s1.id = u.successor_id";

    /** Which of the year's assignments are in scope: what the caller may see, and the filters. */
    private static final String IN_SCOPE = " and a.merged_into_id is null"
            + " and (:all = true or t.lead_unit_id = :deptId or a.lead_unit_id = :unitId"
            + "      or exists (select 1 from assignment_coordinator c where c.assignment_id = a.id"
            + "                 and c.unit_id = :unitId))"
            + " and (:taskId = -1 or t.id = :taskId)"
            + " and (:kind = '' or u.kind = :kind)"
            + " and (:leaderId = -1 or coalesce(a.leader_id, t.leader_id) = :leaderId)"
            + " and cast(a.created_at as date) <= :asOf";

    /** The assignments in scope: the year, what the caller may see, and the filters. */
    private static final String WHERE = " where t.programme_year = :year" + IN_SCOPE;

    /** Assignments in scope with their rank and column. */
    private static final String SCOPED = "select a.id, a.task_id, " + PERCENT + " as pct, a.deadline, " + RANK
            + " as rnk, " + UNIT_KEY + " as unit_key" + FROM + WHERE;

    /**
     * The same, for PostgreSQL, with each unit's column worked out once per unit in a derived table that
     * {@code offset 0 rows} keeps PostgreSQL from merging into the joins with the assignments. Merged, the plan
     * it keeps for the statement after a few calls (a generic plan, which expects one assignment) looked up
     * the successor by reading all of org_unit once per assignment: 6,633 times for the leader's year at
     * 1,077,812 reports, 147 ms for the rolled-up matrix. H2 keeps {@link #SCOPED}: it joins the derived table
     * slower (the late units 300 ms instead of 40).
     */
    private static final String SCOPED_FENCED = "select a.id, a.task_id, " + PERCENT + " as pct, a.deadline, " + RANK
            + " as rnk, u.unit_key from assignment a join priority_task t on t.id = a.task_id"
            + " join (select u.id, u.kind, " + UNIT_KEY + " as unit_key"
            + " from org_unit u left join org_unit s1 on s1.id = u.successor_id offset 0 rows) u"
            + " on u.id = a.lead_unit_id" + WHERE;

    private final EntityManager em;
    /** Assignments in scope with their rank and column, in the form that suits the database. */
    private final String keyed;

    DashboardQueries(EntityManager em, javax.sql.DataSource dataSource) throws java.sql.SQLException {
        this.em = em;
        try (java.sql.Connection c = dataSource.getConnection()) {
            this.keyed = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? SCOPED_FENCED : SCOPED;
        }
    }

    /**
     * Everything a query needs besides the filter: the caller's visibility, today, and the day the
     * figures stand on (today, or the chosen period's data cut-off when that is earlier).
     */
    record Scope(DashboardFilter filter, AssignmentAccess.Visibility visibility, LocalDate today, LocalDate asOf) {

        Scope(DashboardFilter filter, AssignmentAccess.Visibility visibility, LocalDate today) {
            this(filter, visibility, today, today);
        }
    }

    // ---- headline -------------------------------------------------------------------------------

    /** The assignments per deadline state, and the open extension requests, in one statement. */
    record StateCounts(Map<DeadlineState, Long> byState, long openExtensions) {}

    StateCounts countByState(Scope scope) {
        Query q = query(
                "select x.rnk, count(*) from (" + SCOPED + ") x group by x.rnk"
                        + " union all select 0, count(*)" + FROM + " join extension_request e on e.assignment_id = a.id"
                        + WHERE + " and e.status = 'PENDING'",
                scope);
        Map<DeadlineState, Long> counts = Figures.Headline.emptyStates();
        long extensions = 0;
        for (Object[] row : list(q)) {
            long count = ((Number) row[1]).longValue();
            if (((Number) row[0]).intValue() == 0) {
                extensions = count;
            } else {
                counts.put(Figures.state((Number) row[0]), count);
            }
        }
        return new StateCounts(counts, extensions);
    }

    /**
     * The reports waiting, per chain and step. Read from the few waiting reports (the status index), each
     * checked against the assignments in scope: joined from the assignments, H2 read every report of the
     * year's assignments (557,754 at 1,000,000 reports) to keep the hundred waiting.
     */
    List<WaitingStep> waitingReports(Scope scope) {
        Query q = query(
                "select x.chain, x.step, st.role, count(*) from ("
                        + "select case when ru.kind = 'PROVINCE' then 'PROVINCE' else 'DEPARTMENT' end as chain,"
                        + " r.current_step as step from progress_report r join org_unit ru on ru.id = r.unit_id"
                        + " where r.status = 'SUBMITTED' and (:periodKey = '' or r.period_key = :periodKey)"
                        + " and exists (select 1" + FROM + WHERE + " and a.id = r.assignment_id)) x"
                        + " left join approval_step st on st.chain = x.chain and st.step_order = x.step"
                        + " group by x.chain, x.step, st.role order by x.chain desc, x.step",
                scope);
        List<WaitingStep> steps = new ArrayList<>();
        for (Object[] row : list(q)) {
            steps.add(new WaitingStep(
                    ApprovalStep.Chain.valueOf((String) row[0]),
                    ((Number) row[1]).intValue(),
                    row[2] == null ? null : Role.valueOf((String) row[2]),
                    ((Number) row[3]).longValue()));
        }
        return steps;
    }

    // ---- matrix ---------------------------------------------------------------------------------

    List<TaskRow> rows(Scope scope) {
        DashboardFilter f = scope.filter();
        Query q = em.createNativeQuery("select t.id, t.number, t.title_vi, t.title_en, lu.full_name"
                + " from priority_task t left join app_user lu on lu.id = t.leader_id"
                + " where t.programme_year = :year and (:taskId = -1 or t.id = :taskId)"
                + " and (:leaderId = -1 or t.leader_id = :leaderId or exists (select 1 from assignment la"
                + "      where la.task_id = t.id and la.leader_id = :leaderId))"
                + " order by t.number");
        q.setParameter("year", f.year());
        q.setParameter("taskId", orNone(f.taskId()));
        q.setParameter("leaderId", orNone(f.leaderId()));
        List<TaskRow> rows = new ArrayList<>();
        for (Object[] row : list(q)) {
            rows.add(new TaskRow(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).intValue(),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4]));
        }
        return rows;
    }

    /**
     * The columns: every department and province that existed during the year (in roll-up, their
     * successors), when {@code allUnits}; and every unit holding an assignment in scope.
     */
    List<UnitColumn> columns(Scope scope, boolean allUnits) {
        DashboardFilter f = scope.filter();
        Query q = query(
                "select k.id, k.code, k.name_vi, k.name_en, k.kind from org_unit k where k.id in ("
                        + " select " + UNIT_KEY + " from org_unit u left join org_unit s1 on s1.id = u.successor_id"
                        + " where :allUnits = true and u.kind in ('DEPARTMENT', 'PROVINCE') and (:kind = '' or u.kind = :kind)"
                        + " and u.valid_from <= :yearEnd and (u.valid_to is null or u.valid_to >= :yearStart)"
                        + " union select x.unit_key from (" + keyed + ") x where (:state = 0 or x.rnk = :state))"
                        + " order by k.kind, k.code",
                scope);
        q.setParameter("allUnits", allUnits);
        q.setParameter("yearStart", LocalDate.of(f.year(), 1, 1));
        q.setParameter("yearEnd", LocalDate.of(f.year(), 12, 31));
        q.setParameter("state", Figures.rank(f.state()));
        List<UnitColumn> columns = new ArrayList<>();
        for (Object[] row : list(q)) {
            columns.add(new UnitColumn(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    UnitKind.valueOf((String) row[4])));
        }
        return columns;
    }

    /** One cell per task and column that holds assignments in scope (and in the chosen state). */
    Map<String, Cell> cells(Scope scope) {
        Query q = query(
                "select x.task_id, x.unit_key, count(*), max(x.rnk), min(x.id),"
                        + " cast(round(avg(x.pct * 1.0), 0) as integer),"
                        + " sum(case when x.rnk = 1 then 1 else 0 end), sum(case when x.rnk = 2 then 1 else 0 end),"
                        + " sum(case when x.rnk = 3 then 1 else 0 end), sum(case when x.rnk = 4 then 1 else 0 end),"
                        + " sum(case when x.rnk = 5 then 1 else 0 end)"
                        + " from (" + keyed + ") x where (:state = 0 or x.rnk = :state)"
                        + " group by x.task_id, x.unit_key",
                scope);
        q.setParameter("state", Figures.rank(scope.filter().state()));
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Object[] row : list(q)) {
            Map<DeadlineState, Integer> states = new EnumMap<>(DeadlineState.class);
            for (int i = 0; i < Figures.BY_SEVERITY.size(); i++) {
                states.put(Figures.BY_SEVERITY.get(i), ((Number) row[6 + i]).intValue());
            }
            Cell cell = new Cell(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).intValue(),
                    Figures.state((Number) row[3]),
                    ((Number) row[5]).intValue(),
                    ((Number) row[4]).longValue(),
                    states);
            cells.put(Matrix.key(cell.taskId(), cell.unitId()), cell);
        }
        return cells;
    }

    /** The assignments behind one cell, for a rolled-up cell's list. */
    List<CellAssignment> cellAssignments(Scope scope, long taskId, long unitKey) {
        Query q = query(
                "select x.id, lu.code, lu.name_vi, lu.name_en, x.pct, x.rnk, x.deadline, od.number, od.issued_on"
                        + " from (" + keyed
                        + ") x join assignment la on la.id = x.id join org_unit lu on lu.id = la.lead_unit_id"
                        + " left join official_document od on od.id = la.document_id"
                        + " where x.task_id = :cellTask and x.unit_key = :cellUnit and (:state = 0 or x.rnk = :state)"
                        + " order by lu.code",
                scope);
        q.setParameter("cellTask", taskId);
        q.setParameter("cellUnit", unitKey);
        q.setParameter("state", Figures.rank(scope.filter().state()));
        List<CellAssignment> list = new ArrayList<>();
        for (Object[] row : list(q)) {
            list.add(new CellAssignment(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).intValue(),
                    Figures.state((Number) row[5]),
                    date(row[6]),
                    (String) row[7],
                    date(row[8])));
        }
        return list;
    }

    // ---- charts ---------------------------------------------------------------------------------

    List<TaskState> statesByTask(Scope scope) {
        Query q = query(
                "select x.task_id, x.rnk, count(*) from (" + SCOPED + ") x group by x.task_id, x.rnk"
                        + " order by x.task_id, x.rnk",
                scope);
        List<TaskState> list = new ArrayList<>();
        for (Object[] row : list(q)) {
            list.add(new TaskState(
                    ((Number) row[0]).longValue(), Figures.state((Number) row[1]), ((Number) row[2]).longValue()));
        }
        return list;
    }

    /**
     * Each task's progress by month: for every month in which reports were sent, the average over the
     * task's assignments (those that existed by then) of the highest percent submitted or approved up
     * to the end of that month; an assignment without a report by then counts as 0 %. Months are
     * numbered year * 12 + month.
     *
     * <p>One statement reads, for every assignment of the year, whether it is in scope and its best percent
     * per month as kept with it ({@code reported_months}, see {@link ReportedMonths}): all of them give the
     * months that have reports, those in scope the points; the running maximum over the months is taken
     * here. Reading the reports themselves took 2-4 s at 1,000,000 reports (557,754 for one year).
     */
    List<ProgressPoint> progressByMonth(Scope scope) {
        String month = "extract(year from %1$s) * 12 + extract(month from %1$s)";
        Query q = query(
                "select case when 1 = 1" + IN_SCOPE + " then 1 else 0 end, a.task_id, "
                        + month.formatted("a.created_at") + ", a.reported_months" + FROM
                        + " where t.programme_year = :year",
                scope);
        int asOfMonth = scope.asOf().getYear() * 12 + scope.asOf().getMonthValue();
        java.util.BitSet months = new java.util.BitSet(); // the months (year * 12 + month) that have reports
        List<long[]> inScope = new ArrayList<>(); // task, month created, then month and percent pairs
        for (Object[] row : list(q)) {
            boolean mine = ((Number) row[0]).intValue() == 1;
            List<Integer> pairs = new ArrayList<>();
            ReportedMonths.each((String) row[3], (ym, percent) -> {
                if (ym <= asOfMonth) {
                    months.set(ym);
                    pairs.add(ym);
                    pairs.add(percent);
                }
            });
            if (mine) {
                long[] a = new long[2 + pairs.size()];
                a[0] = ((Number) row[1]).longValue();
                a[1] = ((Number) row[2]).intValue();
                for (int i = 0; i < pairs.size(); i++) {
                    a[2 + i] = pairs.get(i);
                }
                inScope.add(a);
            }
        }
        int[] monthList = months.stream().toArray();
        // per task and month: the sum and count of the best percent so far of its assignments given by then
        Map<Long, long[][]> byTask = new java.util.TreeMap<>();
        long[] best = new long[monthList.length];
        for (long[] a : inScope) {
            // the best percent reported in each month of the list (each of its months is there), then so far
            java.util.Arrays.fill(best, 0);
            for (int p = 2; p < a.length; p += 2) {
                int at = java.util.Arrays.binarySearch(monthList, (int) a[p]);
                best[at] = Math.max(best[at], a[p + 1]);
            }
            long[][] sums = byTask.computeIfAbsent(a[0], k -> new long[monthList.length][2]);
            long soFar = 0;
            for (int i = 0; i < monthList.length; i++) {
                soFar = Math.max(soFar, best[i]);
                if (a[1] <= monthList[i]) {
                    sums[i][0] += soFar;
                    sums[i][1]++;
                }
            }
        }
        List<ProgressPoint> points = new ArrayList<>();
        byTask.forEach((task, sums) -> {
            for (int i = 0; i < monthList.length; i++) {
                if (sums[i][1] > 0) {
                    int ym = monthList[i];
                    points.add(new ProgressPoint(task, YearMonth.of((ym - 1) / 12, (ym - 1) % 12 + 1), (int)
                            Math.round((double) sums[i][0] / sums[i][1])));
                }
            }
        });
        return points;
    }

    /** The units with the most overdue or late-finished assignments, most first. */
    List<LateUnit> lateUnits(Scope scope, int limit) {
        Query q = query(
                "select k.code, k.name_vi, k.name_en, g.overdue, g.late from ("
                        + " select x.unit_key, sum(case when x.rnk = 5 then 1 else 0 end) as overdue,"
                        + " sum(case when x.rnk = 4 then 1 else 0 end) as late"
                        + " from (" + keyed + ") x where x.rnk in (4, 5) group by x.unit_key) g"
                        + " join org_unit k on k.id = g.unit_key"
                        + " order by g.overdue + g.late desc, g.overdue desc, k.code",
                scope);
        q.setMaxResults(limit);
        List<LateUnit> list = new ArrayList<>();
        for (Object[] row : list(q)) {
            list.add(new LateUnit(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()));
        }
        return list;
    }

    // ---- plumbing -------------------------------------------------------------------------------

    /** A native query with those of the scope's parameters bound that it uses. */
    private Query query(String sql, Scope scope) {
        DashboardFilter f = scope.filter();
        AssignmentAccess.Visibility v = scope.visibility();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("asOf", scope.asOf());
        values.put("past", scope.asOf().isBefore(scope.today()));
        values.put("asOfEnd", scope.asOf().plusDays(1).atStartOfDay());
        values.put("asOfMonth", scope.asOf().getYear() * 12 + scope.asOf().getMonthValue());
        values.put("periodKey", f.periodKey() == null ? "" : f.periodKey());
        values.put("rollUp", f.rollUp());
        values.put("year", f.year());
        values.put("all", v.all());
        values.put("deptId", v.deptId());
        values.put("unitId", v.unitId());
        values.put("taskId", orNone(f.taskId()));
        values.put("kind", f.kind() == null ? "" : f.kind().name());
        values.put("leaderId", orNone(f.leaderId()));
        Query q = em.createNativeQuery(sql);
        for (jakarta.persistence.Parameter<?> p : q.getParameters()) {
            if (values.containsKey(p.getName())) {
                q.setParameter(p.getName(), values.get(p.getName()));
            }
        }
        return q;
    }

    private static long orNone(Long id) {
        return id == null ? -1L : id;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> list(Query q) {
        return q.getResultList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
