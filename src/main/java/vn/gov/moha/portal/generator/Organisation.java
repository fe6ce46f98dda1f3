package vn.gov.moha.portal.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.gov.moha.portal.common.SearchText;

/**
 * Who the generated work is about: the units as the database has them, the generator's own people (made
 * when missing) and the priority tasks of 2024-2026 (2025 and 2026 copy the ten of 2024, then "nhiệm vụ
 * phát sinh"). Found again as they are on a resumed run.
 */
final class Organisation {

    private static final String PREFIX = "g.";

    record Unit(
            long id,
            String code,
            String kind,
            String nameVi,
            LocalDate validFrom,
            @Nullable LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }

        String login() {
            return PREFIX + code.toLowerCase(Locale.ROOT);
        }
    }

    record Person(long id, String username, String roles) {}

    record Task(long id, int year, int number, Unit lead, Person leader) {}

    private final Sql sql;
    private final Scale scale;
    /** Rows written per table, for the run's summary. */
    private final Map<String, Long> rows;

    private final Map<Long, Unit> unitsById = new HashMap<>();
    private final List<Unit> provinces = new ArrayList<>();
    private final List<Unit> departments = new ArrayList<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Task> tasks = new HashMap<>();

    private Organisation(Sql sql, Scale scale, Map<String, Long> rows) {
        this.sql = sql;
        this.scale = scale;
        this.rows = rows;
    }

    /** Reads the units and makes what is missing of the people, programme years and tasks. */
    static Organisation setUp(Sql sql, Scale scale, PasswordEncoder encoder, String password, Map<String, Long> rows)
            throws SQLException {
        Organisation o = new Organisation(sql, scale, rows);
        o.readUnits();
        o.makePeople(encoder.encode(password));
        o.makeTasks();
        return o;
    }

    Unit unit(long id) {
        return unitsById.get(id);
    }

    List<Unit> departments() {
        return departments;
    }

    Task task(int year, int number) {
        return tasks.get(year + "-" + number);
    }

    Collection<Task> tasks() {
        return tasks.values();
    }

    Person officer(Unit unit) {
        return people.get(unit.login() + ".cv");
    }

    Person head(Unit unit) {
        return people.get(unit.login() + ".truong");
    }

    /** The manager of the task's lead department. */
    Person manager(Task task) {
        return people.get(task.lead().login() + ".quanly");
    }

    /** The provinces the scale asks for: all, or the first N of the 63 (the small preset's three by name). */
    List<Unit> selectedProvinces() {
        List<Unit> originals = provinces.stream()
                .filter(u -> u.validOn(DataGenerator.FIRST_MONDAY))
                .toList();
        if (scale.provinces() == 0) {
            return provinces;
        }
        if (scale.name().equals("small") && scale.provinces() == 3) {
            return originals.stream()
                    .filter(u -> List.of("SNV-01", "SNV-48", "SNV-68").contains(u.code()))
                    .toList();
        }
        return originals.subList(0, scale.provinces());
    }

    private void readUnits() throws SQLException {
        sql.each("select id, code, kind, name_vi, valid_from, valid_to from org_unit order by code", rs -> {
            Unit u = new Unit(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), sql.date(rs, 5), sql.date(rs, 6));
            unitsById.put(u.id(), u);
            if (u.kind().equals("PROVINCE")) {
                provinces.add(u);
            } else if (u.kind().equals("DEPARTMENT")) {
                departments.add(u);
            }
            return u;
        });
    }

    private void makePeople(String hash) throws SQLException {
        Unit ministry = unitsById.values().stream()
                .filter(u -> u.kind().equals("MINISTRY"))
                .findFirst()
                .orElseThrow();
        for (Unit u : selectedProvinces()) {
            person(u.login() + ".cv", "Chuyên viên " + u.nameVi(), u, "UNIT_OFFICER", hash);
            person(u.login() + ".truong", "Lãnh đạo " + u.nameVi(), u, "UNIT_HEAD", hash);
        }
        for (Unit d : departments) {
            person(d.login() + ".cv", "Chuyên viên " + d.nameVi(), d, "UNIT_OFFICER", hash);
            person(d.login() + ".truong", "Lãnh đạo " + d.nameVi(), d, "UNIT_HEAD", hash);
            person(d.login() + ".quanly", "Quản lý nhiệm vụ " + d.nameVi(), d, "MANAGER", hash);
        }
        person(PREFIX + "lanhdao1", "Lãnh đạo Bộ (dữ liệu mẫu) 1", ministry, "LEADER", hash);
        person(PREFIX + "lanhdao2", "Lãnh đạo Bộ (dữ liệu mẫu) 2", ministry, "LEADER", hash);
    }

    private void person(String username, String fullName, Unit unit, String role, String hash) throws SQLException {
        Long id = sql.findLong("select id from app_user where username = ?", username);
        if (id == null) {
            String email = username + "@dulieumau.example.vn";
            sql.update(
                    "insert into app_user (username, full_name, email, unit_id, password_hash, enabled, "
                            + "search_text) values (?, ?, ?, ?, ?, ?, ?)",
                    username,
                    fullName,
                    email,
                    unit.id(),
                    hash,
                    true,
                    SearchText.limit(SearchText.of(username, fullName, email, unit.nameVi()), 600));
            id = sql.findLong("select id from app_user where username = ?", username);
            sql.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
            rows.merge("app_user", 1L, Long::sum);
        }
        people.put(username, new Person(id, username, role));
    }

    private void makeTasks() throws SQLException {
        // the ten tasks of the programme's first year, copied into the later years
        Map<Integer, Object[]> programme = new HashMap<>();
        sql.each(
                "select number, title_vi, title_en, description, lead_unit_id from priority_task "
                        + "where programme_year = " + DataGenerator.FIRST_YEAR,
                rs -> programme.put(
                        rs.getInt(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)}));
        for (int year = DataGenerator.FIRST_YEAR; year <= DataGenerator.LAST_YEAR; year++) {
            if (sql.count("select count(*) from programme_year where programme_year = " + year) == 0) {
                sql.update(
                        "insert into programme_year (programme_year, opened_at) values (?, ?)",
                        year,
                        LocalDate.of(year, 1, 1).atTime(8, 0));
            }
            for (int n = 1; n <= scale.tasksPerYear(); n++) {
                task(year, n, programme.get(n));
            }
        }
    }

    private void task(int year, int number, Object[] programme) throws SQLException {
        Person leader = people.get(PREFIX + "lanhdao" + (number % 2 == 1 ? 1 : 2));
        Task found = sql.first(
                "select id, lead_unit_id from priority_task where programme_year = ? and number = ?",
                rs -> new Task(rs.getLong(1), year, number, unitsById.get(rs.getLong(2)), leader),
                year,
                number);
        if (found != null) {
            tasks.put(year + "-" + number, found);
            return;
        }
        String titleVi;
        String titleEn;
        String description;
        Unit lead;
        if (programme != null) {
            titleVi = (String) programme[0];
            titleEn = (String) programme[1];
            description = (String) programme[2];
            lead = unitsById.get((Long) programme[3]);
        } else {
            titleVi = "Nhiệm vụ phát sinh số " + number + " năm " + year;
            titleEn = "Additional task no. " + number + " of " + year;
            description = "Nhiệm vụ do Lãnh đạo Bộ giao bổ sung trong năm (dữ liệu mẫu).";
            lead = departments.get(number % departments.size());
        }
        sql.update(
                "insert into priority_task (programme_year, number, title_vi, title_en, description, lead_unit_id, "
                        + "leader_id, search_text) values (?, ?, ?, ?, ?, ?, ?, ?)",
                year,
                number,
                titleVi,
                titleEn,
                description,
                lead.id(),
                leader.id(),
                SearchText.of(String.valueOf(number), titleVi, titleEn, lead.nameVi()));
        rows.merge("priority_task", 1L, Long::sum);
        long id = sql.findLong("select id from priority_task where programme_year = ? and number = ?", year, number);
        tasks.put(year + "-" + number, new Task(id, year, number, lead, leader));
    }
}
