package vn.gov.moha.portal.generator;

import static vn.gov.moha.portal.generator.Sql.NO_DATE;
import static vn.gov.moha.portal.generator.Sql.NO_TEXT;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.gov.moha.portal.generator.EventChain.Event;
import vn.gov.moha.portal.generator.Organisation.Person;
import vn.gov.moha.portal.generator.Organisation.Unit;
import vn.gov.moha.portal.generator.Plan.Indicator;
import vn.gov.moha.portal.generator.Plan.PlannedAssignment;

/** A programme year's assignments, made on 2 January: with their indicators, coordinators and first deadline. */
final class AssignmentRows {

    /** Name, unit of measure and target. */
    private static final String[][] INDICATORS = {
        {"Số hồ sơ đã xử lý", "hồ sơ", "400"},
        {"Số đơn vị đã sắp xếp", "đơn vị", "40"},
        {"Số biên chế tinh giản", "người", "120"},
        {"Tỷ lệ hồ sơ trực tuyến", "%", "80"},
        {"Số văn bản được ban hành", "văn bản", "12"},
    };

    private final Sql sql;
    private final Organisation org;
    private final Plan plan;

    AssignmentRows(Sql sql, Organisation org, Plan plan) {
        this.sql = sql;
        this.org = org;
        this.plan = plan;
    }

    /** Adds the year's planned assignments that do not exist yet; returns them, with ids and indicators. */
    List<PlannedAssignment> assign(int year, WeekBatch b) throws SQLException {
        LocalDateTime at = LocalDate.of(year, 1, 2).atTime(8, 0);
        List<PlannedAssignment> made = new ArrayList<>();
        int i = 0;
        for (PlannedAssignment a : plan.planned(year)) {
            i++;
            if (sql.findLong(
                            "select id from assignment where task_id = ? and lead_unit_id = ?",
                            a.task.id(),
                            a.unit.id())
                    != null) {
                continue; // already assigned (append to a database with work in it)
            }
            a.id = b.next("assignment");
            Person manager = org.manager(a.task);
            LocalDateTime when = at.plusSeconds(i * 3L);
            String output = "Báo cáo kết quả thực hiện nhiệm vụ " + a.task.number() + " năm " + year + " của "
                    + a.unit.nameVi();
            b.add(
                    "assignment",
                    a.id,
                    a.task.id(),
                    a.unit.id(),
                    a.deadline,
                    NO_TEXT,
                    output,
                    "Báo cáo tiến độ hằng tuần vào thứ Hai.",
                    a.task.leader().id(),
                    0,
                    NO_DATE,
                    manager.id(),
                    when);
            for (int p = 0; p < a.profile.indicators(); p++) {
                String[] def = INDICATORS[(a.task.number() + a.unit.code().length() + p) % INDICATORS.length];
                long indicatorId = b.next("indicator");
                BigDecimal target = new BigDecimal(def[2]);
                b.add("indicator", indicatorId, a.id, p + 1, def[0], def[1], target);
                a.indicators.add(new Indicator(indicatorId, target));
            }
            for (Unit co : a.coordinators) {
                b.add("assignment_coordinator", a.id, co.id());
            }
            b.add(
                    "deadline_change",
                    b.next("deadline_change"),
                    a.id,
                    NO_DATE,
                    a.deadline,
                    "assign",
                    manager.id(),
                    when);
            b.event(new Event(
                    when,
                    manager,
                    "ASSIGN",
                    "ASSIGNMENT",
                    a.id,
                    a.id,
                    null,
                    "lead=" + a.unit.code()
                            + "; coordinators="
                            + String.join(
                                    ",",
                                    a.coordinators.stream()
                                            .map(Unit::code)
                                            .sorted()
                                            .toList())
                            + "; deadline=" + a.deadline + "; period=-; leader="
                            + a.task.leader().username() + "; output="
                            + output));
            made.add(a);
        }
        return made;
    }
}
