package vn.gov.moha.portal.generator;

import static vn.gov.moha.portal.generator.DataGenerator.FIRST_MONDAY;
import static vn.gov.moha.portal.generator.DataGenerator.FIRST_YEAR;
import static vn.gov.moha.portal.generator.DataGenerator.LAST_YEAR;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.gov.moha.portal.generator.Organisation.Task;
import vn.gov.moha.portal.generator.Organisation.Unit;

/**
 * The work the parameters call for, decided without the database: which assignments each programme year
 * makes, how each one's year goes, and which week holds which of its reports. A resumed run plans the same.
 */
final class Plan {

    record Indicator(long id, BigDecimal target) {}

    /** The shape of one assignment's year, drawn once from its own seed. */
    record Profile(
            int startOffset,
            int speedWeeks,
            int extensionAt,
            boolean extensionApproved,
            int extensionDays,
            int indicators) {}

    /** An assignment as the weeks need it; {@code id} and {@code indicators} once it is written. */
    static final class PlannedAssignment {
        long id;
        Task task;
        Unit unit;
        List<Unit> coordinators = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        int createdChunk;
        LocalDate deadline;
        Profile profile;
    }

    private final RunParameters run;
    private final Scale scale;
    private final Organisation org;

    Plan(RunParameters run, Organisation org) {
        this.run = run;
        this.scale = run.scale();
        this.org = org;
    }

    /** The week (chunk) in which the assignments of a programme year are made: the one with 2 January. */
    static int creationChunk(int year) {
        return (int) ChronoUnit.WEEKS.between(FIRST_MONDAY, LocalDate.of(year, 1, 2));
    }

    /** Every assignment the parameters plan for the year, in a fixed order, without ids. */
    List<PlannedAssignment> planned(int year) {
        List<PlannedAssignment> plan = new ArrayList<>();
        LocalDate day = LocalDate.of(year, 1, 2);
        List<Unit> chosen =
                org.selectedProvinces().stream().filter(u -> u.validOn(day)).toList();
        List<Unit> departments = org.departments();
        for (int n = 1; n <= scale.tasksPerYear(); n++) {
            Task task = org.task(year, n);
            for (Unit p : chosen) {
                plan.add(planned(task, p, List.of()));
            }
            // the lead department first, then coordinating ones spread over the ministry
            List<Unit> depts = new ArrayList<>(List.of(task.lead()));
            for (int j = 0; depts.size() < scale.departmentsPerTask() && j < departments.size(); j++) {
                Unit d = departments.get((n * 5 + j * 7) % departments.size());
                if (!depts.contains(d)) {
                    depts.add(d);
                }
            }
            for (Unit d : depts) {
                plan.add(planned(task, d, d == task.lead() ? depts.subList(1, depts.size()) : List.of()));
            }
        }
        return plan;
    }

    private PlannedAssignment planned(Task task, Unit unit, List<Unit> coordinators) {
        PlannedAssignment a = new PlannedAssignment();
        a.task = task;
        a.unit = unit;
        a.coordinators.addAll(coordinators);
        a.createdChunk = creationChunk(task.year());
        a.deadline = LocalDate.of(task.year(), 12, 15);
        a.profile = profile(task, unit);
        return a;
    }

    private Profile profile(Task task, Unit unit) {
        Random r = run.random("assignment", task.year(), task.number(), unit.code());
        int speed = 20 + r.nextInt(Math.max(1, scale.slowestWeeks() - 19));
        boolean extension = r.nextDouble() < 0.06;
        return new Profile(
                1 + r.nextInt(3),
                speed,
                extension ? 15 + r.nextInt(20) : -1,
                r.nextDouble() < 0.7,
                30 + r.nextInt(31),
                1 + r.nextInt(2));
    }

    /** The assignments this run made in the weeks before a restart, with their indicators and coordinators. */
    List<PlannedAssignment> madeEarlier(Sql sql) throws SQLException {
        Map<Long, Task> taskById = new HashMap<>();
        org.tasks().forEach(t -> taskById.put(t.id(), t));
        Map<Long, PlannedAssignment> byId = new LinkedHashMap<>();
        sql.each(
                "select id, task_id, lead_unit_id from assignment where id >= ? order by id",
                rs -> {
                    Task t = taskById.get(rs.getLong(2));
                    if (t != null) { // else made by someone else meanwhile
                        PlannedAssignment a = planned(t, org.unit(rs.getLong(3)), List.of());
                        a.id = rs.getLong(1);
                        byId.put(a.id, a);
                    }
                    return null;
                },
                run.firstAssignment());
        sql.each(
                "select assignment_id, id, target from indicator where assignment_id >= ? "
                        + "order by assignment_id, position",
                rs -> {
                    PlannedAssignment a = byId.get(rs.getLong(1));
                    if (a != null) {
                        a.indicators.add(new Indicator(rs.getLong(2), rs.getBigDecimal(3)));
                    }
                    return null;
                },
                run.firstAssignment());
        sql.each(
                "select assignment_id, unit_id from assignment_coordinator where assignment_id >= ? "
                        + "order by assignment_id, unit_id",
                rs -> {
                    PlannedAssignment a = byId.get(rs.getLong(1));
                    if (a != null) {
                        a.coordinators.add(org.unit(rs.getLong(2)));
                    }
                    return null;
                },
                run.firstAssignment());
        return new ArrayList<>(byId.values());
    }

    /** How many reports the whole run writes, for the progress line's ETA. */
    long expectedReports(int chunks) {
        long total = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            if (creationChunk(year) >= chunks) {
                continue;
            }
            for (PlannedAssignment a : planned(year)) {
                for (int chunk = a.createdChunk; chunk < chunks; chunk++) {
                    if (reportNumber(a, chunk) >= 0) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    /** Which report of the assignment falls in the week (0 = first), or -1 when none does. */
    int reportNumber(PlannedAssignment a, int chunk) {
        int k = chunk - a.createdChunk - a.profile.startOffset();
        if (k < 0 || k % scale.everyWeeks() != 0) {
            return -1;
        }
        LocalDate monday = FIRST_MONDAY.plusWeeks(chunk);
        if (!a.unit.validOn(monday) || monday.isAfter(run.until().toLocalDate())) {
            return -1;
        }
        int n = k / scale.everyWeeks();
        return n > 0 && percent(a, n - 1) == 100 ? -1 : n;
    }

    /** The percent complete the assignment's report number {@code n} gives: steady until 100. */
    int percent(PlannedAssignment a, int n) {
        return (int) Math.min(100, Math.round(100.0 * (n + 1) * scale.everyWeeks() / a.profile.speedWeeks()));
    }
}
