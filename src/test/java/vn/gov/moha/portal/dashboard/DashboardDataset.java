package vn.gov.moha.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;

/**
 * A generated programme year for the dashboard tests, written straight into the tables (the
 * services refuse deadlines in the past, which overdue and late work needs), together with a model
 * of it in Java: each assignment is generated with the state it is meant to have, and the expected
 * figures are counted from the model, independently of the dashboard's SQL.
 */
final class DashboardDataset {

    record Unit(long id, String code, UnitKind kind, Long successorId, LocalDate validFrom, LocalDate validTo) {}

    record Task(long id, int number, long deptId, Long leaderId) {}

    record A(
            long id,
            Task task,
            Unit unit,
            Long leaderId,
            DeadlineState state,
            int percent,
            LocalDateTime createdAt,
            Set<Long> coordinators,
            LocalDate deadline,
            LocalDate completed) {}

    /** A report; {@code periodKey} only for the periodic reports of ongoing assignments. */
    record R(A assignment, String status, int step, LocalDateTime submittedAt, int percent, String periodKey) {

        R(A assignment, String status, int step, LocalDateTime submittedAt, int percent) {
            this(assignment, status, step, submittedAt, percent, null);
        }
    }

    record E(A assignment, String status) {}

    final LocalDate today = LocalDate.now();
    final Map<Long, Unit> units = new HashMap<>();
    final List<Task> tasks = new ArrayList<>();
    final List<A> assignments = new ArrayList<>();
    final List<R> reports = new ArrayList<>();
    final List<E> extensions = new ArrayList<>();
    final Map<String, Long> userIds = new HashMap<>();
    private final JdbcTemplate jdbc;

    DashboardDataset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.query("select id, code, kind, successor_id, valid_from, valid_to from org_unit", rs -> {
            Object successor = rs.getObject("successor_id");
            units.put(
                    rs.getLong("id"),
                    new Unit(
                            rs.getLong("id"),
                            rs.getString("code"),
                            UnitKind.valueOf(rs.getString("kind")),
                            successor == null ? null : ((Number) successor).longValue(),
                            rs.getDate("valid_from").toLocalDate(),
                            rs.getDate("valid_to") == null
                                    ? null
                                    : rs.getDate("valid_to").toLocalDate()));
        });
        jdbc.query(
                "select id, number, lead_unit_id, leader_id from priority_task where programme_year = 2024 "
                        + "order by number",
                rs -> {
                    Object leader = rs.getObject("leader_id");
                    tasks.add(new Task(
                            rs.getLong("id"),
                            rs.getInt("number"),
                            rs.getLong("lead_unit_id"),
                            leader == null ? null : ((Number) leader).longValue()));
                });
        jdbc.query("select id, username from app_user", rs -> {
            userIds.put(rs.getString("username"), rs.getLong("id"));
        });
    }

    Unit unit(String code) {
        return units.values().stream()
                .filter(u -> u.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Every task to about two thirds of the departments and provinces (the 63 of 2024 and the new
     * Huế of 2025), states in turn, with reports, extensions, coordinators and leader overrides. The
     * ministry's departments of 1/3/2025 (Decree 25/2025/NĐ-CP) hold no work of 2024.
     */
    DashboardDataset generate() {
        List<Unit> targets = units.values().stream()
                .filter(u -> u.kind() != UnitKind.MINISTRY)
                .filter(u -> u.kind() == UnitKind.PROVINCE || u.validFrom().getYear() <= 2024)
                .sorted(Comparator.comparing(Unit::code))
                .toList();
        long lamDong = unit("SNV-68").id();
        long tcbc = unit("V-TCBC").id();
        long creator = userIds.get("quanly");
        long leader1 = userIds.get("lanhdao");
        long leader2 = userIds.get("lanhdao2");
        int k = 0;
        for (Task task : tasks) {
            for (int j = 0; j < targets.size(); j++) {
                Unit unit = targets.get(j);
                if ((task.number() + j) % 3 == 0) {
                    continue;
                }
                k++;
                int kind = (task.number() * 7 + j) % 5;
                LocalDate deadline;
                LocalDate completed = null;
                DeadlineState state;
                switch (kind) {
                    case 0 -> { // in progress, on time; on some the deadline is today, still on time
                        deadline = j % 7 == 0 ? today : today.plusDays(10 + j);
                        state = DeadlineState.IN_PROGRESS_ON_TIME;
                    }
                    case 1 -> { // in progress, deadline passed (yesterday on some)
                        deadline = j % 7 == 0 ? today.minusDays(1) : today.minusDays(3 + j);
                        state = DeadlineState.IN_PROGRESS_OVERDUE;
                    }
                    case 2 -> { // done on time; on some exactly on the deadline
                        deadline = today.minusDays(20);
                        completed = j % 2 == 0 ? deadline : deadline.minusDays(5);
                        state = DeadlineState.DONE_ON_TIME;
                    }
                    case 3 -> { // done one or more days after the deadline
                        deadline = today.minusDays(20);
                        completed = deadline.plusDays(1 + j % 4);
                        state = DeadlineState.DONE_LATE;
                    }
                    default -> { // ongoing: no deadline, its own group finished or not; some of them finished
                        deadline = null;
                        completed = j % 3 == 0 ? today.minusDays(2) : null;
                        state = DeadlineState.ONGOING;
                    }
                }
                int percent = completed != null ? 100 : (task.number() * 13 + j * 7) % 100;
                Long leaderOverride = j % 4 == 0 ? (task.number() <= 5 ? leader2 : leader1) : null;
                LocalDateTime created =
                        k % 5 == 0 ? LocalDateTime.of(2024, 4, 10, 10, 0) : LocalDateTime.of(2024, 1, 10, 10, 0);
                Set<Long> coordinators = new LinkedHashSet<>();
                if (j % 5 == 0 && unit.id() != lamDong) {
                    coordinators.add(lamDong);
                }
                if (j % 11 == 0 && unit.id() != tcbc) {
                    coordinators.add(tcbc);
                }
                long id = insertAssignment(task, unit, deadline, completed, percent, leaderOverride, created, creator);
                for (Long c : coordinators) {
                    jdbc.update("insert into assignment_coordinator (assignment_id, unit_id) values (?, ?)", id, c);
                }
                A a = new A(
                        id,
                        task,
                        unit,
                        leaderOverride != null ? leaderOverride : task.leaderId(),
                        state,
                        percent,
                        created,
                        coordinators,
                        deadline,
                        completed);
                assignments.add(a);
                addReports(a, k, creator);
                if (deadline == null) {
                    addPeriodReports(a, j, creator);
                }
                if (deadline != null && k % 6 < 2) {
                    String status = k % 6 == 0 ? "PENDING" : "REJECTED";
                    jdbc.update(
                            "insert into extension_request (assignment_id, current_deadline, requested_deadline, "
                                    + "reason, status, requested_by, requested_at, decided_by, decided_at) "
                                    + "values (?, ?, ?, 'test', ?, ?, ?, ?, ?)",
                            id,
                            Date.valueOf(deadline),
                            Date.valueOf(deadline.plusDays(30)),
                            status,
                            creator,
                            Timestamp.valueOf(created),
                            status.equals("PENDING") ? null : leader1,
                            status.equals("PENDING") ? null : Timestamp.valueOf(created.plusDays(1)));
                    extensions.add(new E(a, status));
                }
            }
        }
        // the best percent per month kept with each assignment, as the portal keeps it when reports change
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            vn.gov.moha.portal.workflow.period.ReportedMonths.rebuildAll(c);
            return null;
        });
        return this;
    }

    private void addReports(A a, int k, long creator) {
        int chainLength = a.unit().kind() == UnitKind.PROVINCE ? 3 : 2;
        LocalDateTime march = LocalDateTime.of(2024, 3, 1 + k % 28, 9, 0);
        LocalDateTime may = LocalDateTime.of(2024, 5, 1 + k % 28, 9, 0);
        switch (k % 4) {
            case 0 -> insertReport(a, "APPROVED", 0, march, a.percent(), creator);
            case 1 -> {
                insertReport(a, "APPROVED", 0, march, a.percent() / 2, creator);
                insertReport(a, "SUBMITTED", 1 + k % chainLength, may, a.percent(), creator);
            }
            case 2 -> insertReport(a, "DRAFT", 0, null, 90, creator);
            default -> insertReport(a, "RETURNED", 0, LocalDateTime.of(2024, 4, 2, 9, 0), 95, creator);
        }
    }

    /**
     * Monthly reports of an ongoing assignment (default rules: data to the 14th, due on the 20th;
     * 20/03/2024 is a Wednesday and 20/12/2024 a Friday, both working days): every third sends
     * Tháng 12/2024 on 18/12 (on time) and Tháng 3/2024 on 25/03 (late), the next third sends
     * Tháng 12/2024 on 23/12 (late), the rest send nothing.
     */
    private void addPeriodReports(A a, int j, long creator) {
        if (j % 3 == 0) {
            insertPeriodReport(
                    a,
                    "2024-M12",
                    LocalDate.of(2024, 11, 15),
                    LocalDate.of(2024, 12, 14),
                    LocalDateTime.of(2024, 12, 18, 10, 0),
                    creator);
            insertPeriodReport(
                    a,
                    "2024-M03",
                    LocalDate.of(2024, 2, 15),
                    LocalDate.of(2024, 3, 14),
                    LocalDateTime.of(2024, 3, 25, 9, 0),
                    creator);
        } else if (j % 3 == 1) {
            insertPeriodReport(
                    a,
                    "2024-M12",
                    LocalDate.of(2024, 11, 15),
                    LocalDate.of(2024, 12, 14),
                    LocalDateTime.of(2024, 12, 23, 9, 0),
                    creator);
        }
    }

    private void insertPeriodReport(A a, String key, LocalDate start, LocalDate end, LocalDateTime sent, long creator) {
        jdbc.update(
                "insert into progress_report (assignment_id, unit_id, percent_complete, confidence, narrative, "
                        + "status, round, current_step, created_by, created_at, submitted_by, submitted_at, first_submitted_at, "
                        + "period_key, period_start, period_end) values (?, ?, ?, 'ON_TRACK', 'test', 'APPROVED', 1, 0, ?, ?, "
                        + "?, ?, ?, ?, ?, ?)",
                a.id(),
                a.unit().id(),
                a.percent(),
                creator,
                Timestamp.valueOf(a.createdAt()),
                creator,
                Timestamp.valueOf(sent),
                Timestamp.valueOf(sent),
                key,
                Date.valueOf(start),
                Date.valueOf(end));
        reports.add(new R(a, "APPROVED", 0, sent, a.percent(), key));
    }

    private long insertAssignment(
            Task task,
            Unit unit,
            LocalDate deadline,
            LocalDate completed,
            int percent,
            Long leader,
            LocalDateTime created,
            long creator) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "insert into assignment (task_id, lead_unit_id, deadline, "
                                    + "reporting_period, expected_output, leader_id, percent_complete, completed_on, created_by, "
                                    + "created_at) values (?, ?, ?, ?, 'test', ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, task.id());
                    ps.setLong(2, unit.id());
                    ps.setDate(3, deadline == null ? null : Date.valueOf(deadline));
                    ps.setString(4, deadline == null ? "MONTHLY" : null);
                    ps.setObject(5, leader);
                    ps.setInt(6, percent);
                    ps.setDate(7, completed == null ? null : Date.valueOf(completed));
                    ps.setLong(8, creator);
                    ps.setTimestamp(9, Timestamp.valueOf(created));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    private void insertReport(A a, String status, int step, LocalDateTime submitted, int percent, long creator) {
        jdbc.update(
                "insert into progress_report (assignment_id, unit_id, percent_complete, confidence, narrative, "
                        + "status, round, current_step, created_by, created_at, submitted_by, submitted_at) "
                        + "values (?, ?, ?, 'ON_TRACK', 'test', ?, 1, ?, ?, ?, ?, ?)",
                a.id(),
                a.unit().id(),
                percent,
                status,
                step,
                creator,
                Timestamp.valueOf(a.createdAt()),
                submitted == null ? null : creator,
                submitted == null ? null : Timestamp.valueOf(submitted));
        reports.add(new R(a, status, step, submitted, percent));
    }

    // ---- the model's answers --------------------------------------------------------------------

    /** Months of progress the model counts (none after this one); null: all. */
    private YearMonth lastMonth;

    /**
     * The year as it stood at the end of {@code day}: only assignments given by then; done only if
     * completed by then; overdue if the deadline was before that day; the percent complete the best
     * sent or approved by then (100 % and the rest unchanged when completed by then).
     */
    DashboardDataset asOf(LocalDate day) {
        DashboardDataset d = new DashboardDataset(this);
        for (A a : assignments) {
            if (a.createdAt().toLocalDate().isAfter(day)) {
                continue;
            }
            boolean done = a.completed() != null && !a.completed().isAfter(day);
            DeadlineState state = a.deadline() == null
                    ? DeadlineState.ONGOING
                    : done
                            ? (!a.completed().isAfter(a.deadline())
                                    ? DeadlineState.DONE_ON_TIME
                                    : DeadlineState.DONE_LATE)
                            : (!a.deadline().isBefore(day)
                                    ? DeadlineState.IN_PROGRESS_ON_TIME
                                    : DeadlineState.IN_PROGRESS_OVERDUE);
            int percent = done || !day.isBefore(today)
                    ? a.percent()
                    : reports.stream()
                            .filter(r -> r.assignment().id() == a.id()
                                    && Set.of("SUBMITTED", "APPROVED").contains(r.status()))
                            .filter(r ->
                                    r.submittedAt().isBefore(day.plusDays(1).atStartOfDay()))
                            .mapToInt(R::percent)
                            .max()
                            .orElse(0);
            d.assignments.add(new A(
                    a.id(),
                    a.task(),
                    a.unit(),
                    a.leaderId(),
                    state,
                    percent,
                    a.createdAt(),
                    a.coordinators(),
                    a.deadline(),
                    a.completed()));
        }
        d.reports.addAll(reports);
        d.extensions.addAll(extensions);
        d.lastMonth = YearMonth.from(day);
        return d;
    }

    private DashboardDataset(DashboardDataset of) {
        this.jdbc = of.jdbc;
        this.units.putAll(of.units);
        this.tasks.addAll(of.tasks);
        this.userIds.putAll(of.userIds);
    }

    /** Whose periodic reporting a person sees: leaders everything, a manager their department's tasks, unit staff the units they lead. */
    static Predicate<A> reportingVisibleTo(String who, DashboardDataset d) {
        return switch (who) {
            case "lamdong.cv", "lamdong.truong" ->
                a -> a.unit().id() == d.unit("SNV-68").id();
            default -> visibleTo(who, d);
        };
    }

    /** The ongoing assignments whose reporting the person sees, of one task or all. */
    private List<A> ongoing(String who, Long taskId) {
        return assignments.stream()
                .filter(a -> a.deadline() == null)
                .filter(reportingVisibleTo(who, this))
                .filter(a -> taskId == null || a.task().id() == taskId)
                .toList();
    }

    /**
     * Monthly reports missing for the period {@code key} (its report already due): of the ongoing
     * assignments the person sees, those given by the cut-off day {@code end}, not completed by the
     * previous period's due day, that sent nothing for the key (an ended unit's work not yet transferred stays
     * owed, issue 18; the dataset merges nothing). {distinct units, reports}.
     */
    long[] expectedMissing(String who, Long taskId, String key, LocalDate start, LocalDate end, LocalDate previousDue) {
        List<A> missing = ongoing(who, taskId).stream()
                .filter(a -> !a.createdAt().toLocalDate().isAfter(end))
                .filter(a -> a.completed() == null || a.completed().isAfter(previousDue))
                .filter(a ->
                        reports.stream().noneMatch(r -> r.assignment().id() == a.id() && key.equals(r.periodKey())))
                .toList();
        return new long[] {missing.stream().map(a -> a.unit().id()).distinct().count(), missing.size()};
    }

    /** Tháng 12/2024: data 15/11 to 14/12/2024, due Friday 20/12; the month before was due Wednesday 20/11. */
    long[] expectedMissingDecember2024(String who, Long taskId) {
        return expectedMissing(
                who,
                taskId,
                "2024-M12",
                LocalDate.of(2024, 11, 15),
                LocalDate.of(2024, 12, 14),
                LocalDate.of(2024, 11, 20));
    }

    /** A monthly period as the test names it: key, data window, due day, and the previous month's due day. */
    record Month(String key, LocalDate from, LocalDate to, LocalDate due, LocalDate previousDue) {}

    /**
     * "CODE late missing" over the months, most first, then most missing, then code: a month is owed by an
     * ongoing assignment given by its cut-off day, not completed by the previous month's due day (its unit
     * ended or not: an ended unit's open work stays owed until transferred); a report first sent by the end of the due day is on
     * time, later is late; none is missing once the due day has passed.
     */
    List<String> expectedLateReports(String who, Long taskId, List<Month> months) {
        Map<String, long[]> byUnit = new TreeMap<>();
        for (A a : ongoing(who, taskId)) {
            for (Month m : months) {
                if (a.createdAt().toLocalDate().isAfter(m.to())
                        || (a.completed() != null && !a.completed().isAfter(m.previousDue()))) {
                    continue;
                }
                LocalDateTime dueEnd = m.due().plusDays(1).atStartOfDay();
                String st = reports.stream()
                        .filter(r -> r.assignment().id() == a.id() && m.key().equals(r.periodKey()))
                        .map(r -> r.submittedAt().isBefore(dueEnd) ? "ON_TIME" : "LATE")
                        .findFirst()
                        .orElse(m.due().isBefore(today) ? "MISSING" : "NOT_DUE");
                if (st.equals("LATE") || st.equals("MISSING")) {
                    byUnit.computeIfAbsent(a.unit().code(), x -> new long[2])[st.equals("LATE") ? 0 : 1]++;
                }
            }
        }
        return byUnit.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparingLong(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1])
                .toList();
    }

    /** Who sees what, as the portal's rule says: leaders everything, a manager their department's tasks, unit staff their unit's. */
    static Predicate<A> visibleTo(String who, DashboardDataset d) {
        return switch (who) {
            case "lanhdao", "admin" -> a -> true;
            case "quanly" -> a -> a.task().deptId() == d.unit("V-TCBC").id();
            case "quanly.cchc" -> a -> a.task().deptId() == d.unit("V-CCHC").id();
            case "lamdong.cv", "lamdong.truong" ->
                a -> a.unit().id() == d.unit("SNV-68").id()
                        || a.coordinators().contains(d.unit("SNV-68").id());
            default -> throw new IllegalArgumentException(who);
        };
    }

    static Predicate<A> matches(DashboardFilter f) {
        return a -> (f.taskId() == null || a.task().id() == f.taskId())
                && (f.kind() == null || a.unit().kind() == f.kind())
                && (f.leaderId() == null || Objects.equals(a.leaderId(), f.leaderId()));
    }

    /** The column a unit falls in: itself, or in roll-up its latest successor. */
    long key(Unit unit, boolean rollUp) {
        Unit u = unit;
        while (rollUp && u.successorId() != null) {
            u = units.get(u.successorId());
        }
        return u.id();
    }

    List<A> scoped(String who, DashboardFilter f) {
        return assignments.stream()
                .filter(visibleTo(who, this))
                .filter(matches(f))
                .toList();
    }

    Map<DeadlineState, Long> expectedByState(String who, DashboardFilter f) {
        Map<DeadlineState, Long> m = Figures.Headline.emptyStates();
        scoped(who, f).forEach(a -> m.merge(a.state(), 1L, Long::sum));
        return m;
    }

    /** "PROVINCE/2" -> count of reports waiting at that step. */
    Map<String, Long> expectedWaiting(String who, DashboardFilter f) {
        Set<Long> ids = scoped(who, f).stream().map(A::id).collect(Collectors.toSet());
        return reports.stream()
                .filter(r -> r.status().equals("SUBMITTED")
                        && ids.contains(r.assignment().id()))
                .filter(r -> f.periodKey() == null || f.periodKey().equals(r.periodKey()))
                .collect(Collectors.groupingBy(
                        r -> (r.assignment().unit().kind() == UnitKind.PROVINCE ? "PROVINCE" : "DEPARTMENT") + "/"
                                + r.step(),
                        TreeMap::new,
                        Collectors.counting()));
    }

    long expectedOpenExtensions(String who, DashboardFilter f) {
        Set<Long> ids = scoped(who, f).stream().map(A::id).collect(Collectors.toSet());
        return extensions.stream()
                .filter(e -> e.status().equals("PENDING")
                        && ids.contains(e.assignment().id()))
                .count();
    }

    /** "taskId:unitKey" -> "count worst percent firstId". */
    Map<String, String> expectedCells(String who, DashboardFilter f) {
        Map<String, List<A>> groups = scoped(who, f).stream()
                .filter(a -> f.state() == null || a.state() == f.state())
                .collect(Collectors.groupingBy(a -> a.task().id() + ":" + key(a.unit(), f.rollUp())));
        Map<String, String> cells = new TreeMap<>();
        groups.forEach((k, list) -> {
            DeadlineState worst = list.stream()
                    .map(A::state)
                    .max(Comparator.comparingInt(Figures.BY_SEVERITY::indexOf))
                    .orElseThrow();
            BigDecimal avg = BigDecimal.valueOf(
                            list.stream().mapToInt(A::percent).sum())
                    .divide(BigDecimal.valueOf(list.size()), 0, RoundingMode.HALF_UP);
            long first = list.stream().mapToLong(A::id).min().orElseThrow();
            cells.put(k, list.size() + " " + worst + " " + avg + " " + first);
        });
        return cells;
    }

    /** The unit keys of the columns. */
    Set<Long> expectedColumns(String who, DashboardFilter f, boolean allUnits) {
        Set<Long> keys = new TreeSet<>();
        LocalDate start = LocalDate.of(f.year(), 1, 1);
        LocalDate end = LocalDate.of(f.year(), 12, 31);
        if (allUnits) {
            units.values().stream()
                    .filter(u -> u.kind() != UnitKind.MINISTRY)
                    .filter(u -> f.kind() == null || u.kind() == f.kind())
                    .filter(u -> !u.validFrom().isAfter(end)
                            && (u.validTo() == null || !u.validTo().isBefore(start)))
                    .forEach(u -> keys.add(key(u, f.rollUp())));
        }
        scoped(who, f).stream()
                .filter(a -> f.state() == null || a.state() == f.state())
                .forEach(a -> keys.add(key(a.unit(), f.rollUp())));
        return keys;
    }

    /** "taskId/STATE" -> count. */
    Map<String, Long> expectedStatesByTask(String who, DashboardFilter f) {
        return scoped(who, f).stream()
                .collect(Collectors.groupingBy(
                        a -> a.task().id() + "/" + a.state(), TreeMap::new, Collectors.counting()));
    }

    /** "taskId/yyyy-MM" -> average of each assignment's best percent submitted or approved by the month's end. */
    Map<String, Integer> expectedProgress(String who, DashboardFilter f) {
        Set<YearMonth> months = reports.stream()
                .filter(r -> Set.of("SUBMITTED", "APPROVED").contains(r.status()))
                .map(r -> YearMonth.from(r.submittedAt()))
                .filter(m -> lastMonth == null || !m.isAfter(lastMonth))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> points = new TreeMap<>();
        Map<Long, List<A>> byTask = scoped(who, f).stream()
                .collect(Collectors.groupingBy(a -> a.task().id()));
        for (YearMonth month : months) {
            byTask.forEach((taskId, list) -> {
                List<A> existing = list.stream()
                        .filter(a -> !YearMonth.from(a.createdAt()).isAfter(month))
                        .toList();
                if (existing.isEmpty()) {
                    return;
                }
                int sum = 0;
                for (A a : existing) {
                    sum += reports.stream()
                            .filter(r -> r.assignment().id() == a.id())
                            .filter(r -> Set.of("SUBMITTED", "APPROVED").contains(r.status()))
                            .filter(r -> !YearMonth.from(r.submittedAt()).isAfter(month))
                            .mapToInt(R::percent)
                            .max()
                            .orElse(0);
                }
                points.put(
                        taskId + "/" + month,
                        BigDecimal.valueOf(sum)
                                .divide(BigDecimal.valueOf(existing.size()), 0, RoundingMode.HALF_UP)
                                .intValue());
            });
        }
        return points;
    }

    /** "CODE overdue late" for every unit key with overdue or late work, most first. */
    List<String> expectedLateUnits(String who, DashboardFilter f) {
        Map<Long, long[]> counts = new HashMap<>();
        for (A a : scoped(who, f)) {
            if (a.state() == DeadlineState.IN_PROGRESS_OVERDUE || a.state() == DeadlineState.DONE_LATE) {
                long[] c = counts.computeIfAbsent(key(a.unit(), f.rollUp()), x -> new long[2]);
                c[a.state() == DeadlineState.IN_PROGRESS_OVERDUE ? 0 : 1]++;
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparingLong(e -> -e.getValue()[0]))
                .map(e -> units.get(e.getKey()).code() + " " + e.getValue()[0] + " " + e.getValue()[1])
                .toList();
    }
}
