package vn.gov.moha.portal.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.assignment.ReportedMonths;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.common.SearchText;

/**
 * Fills the database with years of realistic work, straight through JDBC batches: programme years
 * 2024-2026 with their tasks, assignments to provinces and departments, weekly progress reports with
 * indicator values that travel the approval chain (some returned once), extension requests, coordinating
 * units' comments, small evidence files and the hash-chained event log, in time order.
 *
 * <p>The work is cut into calendar weeks (chunks) from Monday 1/1/2024 to the run's end time; each week
 * is one transaction that also appends a GENERATE entry to the event log saying which week it was and with
 * what settings. A killed run therefore leaves whole weeks behind, and the next run finds the unfinished
 * run in the log's last entry and goes on from the next week with the same settings. Everything is drawn
 * from random generators seeded by the run's seed and the week's and assignment's names, so a week comes
 * out the same whether it is written in one go or after a restart.
 */
@Component
class DataGenerator {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 1, 1);
    static final int FIRST_YEAR = 2024;
    static final int LAST_YEAR = 2026;
    private static final String ZERO_HASH = "0".repeat(64);
    private static final String PREFIX = "g.";

    /** What the run is asked to do. {@code stopAfter} > 0 stops after that many weeks, as a kill would. */
    record Settings(Scale scale, long seed, boolean append, LocalDateTime until, String password, int stopAfter) {
    }

    /** What a run did. */
    record Result(boolean resumed, int firstChunk, int chunksDone, int chunks, Map<String, Long> rows,
                  Duration took) {
    }

    private final DataSource dataSource;
    private final PasswordEncoder encoder;
    private final Path filesDir;
    private final TimeZone jdbcZone;

    DataGenerator(DataSource dataSource, PasswordEncoder encoder,
                  @Value("${portal.files.dir:./data/files}") String filesDir,
                  @Value("${spring.jpa.properties.hibernate.jdbc.time_zone:}") String jdbcZone) {
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.filesDir = Path.of(filesDir).toAbsolutePath().normalize();
        // bound as Hibernate binds them, so the event log's hashes match what the portal reads back
        this.jdbcZone = jdbcZone.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(jdbcZone);
    }

    Result run(Settings asked, PrintStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            return new Run(c, out).go(asked);
        } catch (SQLException e) {
            throw new IllegalStateException("Generator failed: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------

    record Unit(long id, String code, String kind, String nameVi, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }

        String login() {
            return PREFIX + code.toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Person(long id, String username, String roles) {
    }

    record Task(long id, int year, int number, Unit lead, Person leader) {
    }

    record Indicator(long id, BigDecimal target) {
    }

    /** The shape of one assignment's year, drawn once from its own seed. */
    record Profile(int startOffset, int speedWeeks, int extensionAt, boolean extensionApproved, int extensionDays,
                   int indicators) {
    }

    static final class Asg {
        long id;
        Task task;
        Unit unit;
        List<Unit> coordinators = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        int createdChunk;
        LocalDate deadline;
        Profile profile;
    }

    /** One event, before it gets its place in the chain. */
    record Event(LocalDateTime at, Person who, String action, String entityType, long entityId, long assignmentId,
                 String before, String after) {
    }

    /** A typed SQL null (PostgreSQL wants to know the type). */
    record Null(int sqlType) {
    }

    private static final Null NO_LONG = new Null(Types.BIGINT);
    private static final Null NO_TEXT = new Null(Types.VARCHAR);
    private static final Null NO_TIME = new Null(Types.TIMESTAMP);
    private static final Null NO_DATE = new Null(Types.DATE);

    private static final String[] NARRATIVES = {
        "Đã triển khai kế hoạch của tuần; các phòng chuyên môn đang tổng hợp số liệu.",
        "Hoàn thành rà soát hồ sơ theo kế hoạch; đang lấy ý kiến các sở, ngành liên quan.",
        "Đã tổ chức hội nghị triển khai; một số đơn vị còn chậm gửi báo cáo.",
        "Tiếp tục thẩm định đề án; đã trình Ủy ban nhân dân xem xét.",
        "Đã cập nhật số liệu vào hệ thống; chờ xác nhận của các huyện.",
        "Đang hoàn thiện dự thảo văn bản; dự kiến ban hành trong tháng.",
        "Công việc đúng tiến độ; đã báo cáo lãnh đạo Sở.",
        "Vướng mắc về kinh phí; đã đề xuất bổ sung dự toán.",
    };
    private static final String[] RETURNS = {
        "Bổ sung số liệu kiểm chứng của các huyện.",
        "Đề nghị làm rõ nguyên nhân chậm tiến độ.",
        "Thiếu tài liệu kèm theo; đề nghị bổ sung.",
    };
    private static final String[] COMMENTS = {
        "Đã phối hợp cung cấp số liệu biên chế.",
        "Thống nhất với đề xuất của đơn vị chủ trì.",
        "Đề nghị bổ sung đánh giá tác động.",
    };
    private static final String[][] INDICATORS = {
        {"Số hồ sơ đã xử lý", "hồ sơ", "400"},
        {"Số đơn vị đã sắp xếp", "đơn vị", "40"},
        {"Số biên chế tinh giản", "người", "120"},
        {"Tỷ lệ hồ sơ trực tuyến", "%", "80"},
        {"Số văn bản được ban hành", "văn bản", "12"},
    };

    /** One run over one connection. */
    private final class Run {

        private final Connection c;
        private final PrintStream out;
        private final boolean postgres;
        private final Calendar zone = Calendar.getInstance(jdbcZone);
        private final Map<String, Long> rows = new LinkedHashMap<>();

        private Scale scale;
        private long seed;
        private LocalDateTime until;
        private long firstAssignment;

        private final Map<Long, Unit> unitsById = new HashMap<>();
        private final List<Unit> provinces = new ArrayList<>();
        private final List<Unit> departments = new ArrayList<>();
        private final Map<String, Person> people = new HashMap<>();
        private final Map<String, Task> tasks = new HashMap<>();
        private final List<Asg> active = new ArrayList<>();

        private String lastHash;
        private long lastEventId;

        Run(Connection c, PrintStream out) throws SQLException {
            this.c = c;
            this.out = out;
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        }

        Result go(Settings asked) throws SQLException {
            long started = System.nanoTime();
            long assignments = count("select count(*) from assignment");
            long reports = count("select count(*) from progress_report");
            Map<String, String> marker = headMarker();
            boolean resume = marker != null && Integer.parseInt(marker.get("chunk"))
                    < Integer.parseInt(marker.get("chunks"));
            if (resume && !marker.get("scale").equals(asked.scale().name())) {
                throw new GeneratorException("Lần sinh dữ liệu quy mô " + marker.get("scale") + " trước đó chưa xong; "
                        + "chạy lại với quy mô " + marker.get("scale") + " để làm tiếp. Không thay đổi gì.",
                        "An earlier run at scale " + marker.get("scale") + " is unfinished; run it again at that scale"
                        + " to finish it. Nothing was changed.");
            }
            if (!resume && assignments + reports > 0 && !asked.append()) {
                throw new GeneratorException("Cơ sở dữ liệu đã có dữ liệu (" + assignments + " phân công, " + reports
                        + " báo cáo). Không thay đổi gì; muốn thêm vào thì đặt portal.generate.append=true.",
                        "The database is not empty (" + assignments + " assignments, " + reports + " reports). Nothing "
                        + "was changed; to add to it, set portal.generate.append=true.");
            }
            int firstChunk;
            if (resume) {
                scale = Scale.of(marker.get("scale"), Integer.valueOf(marker.get("tasks")),
                        Integer.valueOf(marker.get("provinces")), Integer.valueOf(marker.get("every")));
                seed = Long.parseLong(marker.get("seed"));
                until = LocalDateTime.parse(marker.get("until"));
                firstAssignment = Long.parseLong(marker.get("first"));
                firstChunk = Integer.parseInt(marker.get("chunk"));
            } else {
                scale = asked.scale();
                seed = asked.seed();
                until = asked.until().truncatedTo(ChronoUnit.MINUTES);
                firstAssignment = count("select coalesce(max(id), 0) from assignment") + 1;
                firstChunk = 0;
            }
            int chunks = (int) (ChronoUnit.WEEKS.between(FIRST_MONDAY, until.toLocalDate()) + 1);
            out.printf("Generator: %s; seed=%d; until=%s; %s%n", scale.describe(), seed, until,
                    resume ? "resuming after week " + firstChunk + " of " + chunks : "fresh run, " + chunks + " weeks");

            setUp(asked.password());
            c.commit();
            resetIdentities();
            loadActive();
            long expected = expectedReports(chunks);
            out.printf("Expected: about %,d progress reports over %d weeks%n", expected, chunks);

            long reportsBefore = count("select count(*) from progress_report");
            long written = 0;
            long rowsWritten = 0;
            int done = 0;
            long loopStart = System.nanoTime();
            for (int chunk = firstChunk; chunk < chunks; chunk++) {
                Map<String, Long> chunkRows = week(chunk, chunks);
                c.commit();
                resetIdentities();
                chunkRows.forEach((table, n) -> rows.merge(table, n, Long::sum));
                written += chunkRows.getOrDefault("progress_report", 0L);
                rowsWritten += chunkRows.values().stream().mapToLong(Long::longValue).sum();
                done++;
                double seconds = (System.nanoTime() - loopStart) / 1e9;
                long remainingReports = Math.max(0, expected - reportsBefore - written);
                double reportsPerSecond = written / Math.max(seconds, 1e-3);
                out.printf("[%d/%d] week of %s: %,d reports so far (%,d in this run), %,.0f rows/s, %,.0f reports/s,"
                                + " ETA %s%n", chunk + 1, chunks, FIRST_MONDAY.plusWeeks(chunk), reportsBefore + written,
                        written, rowsWritten / Math.max(seconds, 1e-3), reportsPerSecond,
                        eta(remainingReports / Math.max(reportsPerSecond, 1)));
                if (asked.stopAfter() > 0 && done >= asked.stopAfter()) {
                    out.println("Stopped after " + done + " weeks, as asked; run again to go on.");
                    break;
                }
            }
            // the dashboard's best percent per month, kept with each assignment: rebuilt from all reports (also
            // after a stopped run, so what is there is always consistent)
            long rebuild = System.nanoTime();
            ReportedMonths.rebuildAll(c);
            c.commit();
            out.printf("Best percent per month kept with each assignment, rebuilt in %,d ms%n",
                    (System.nanoTime() - rebuild) / 1_000_000);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            out.println("Rows written per table: " + rows);
            out.printf("Took %s; %,.0f rows/s overall%n", took,
                    rows.values().stream().mapToLong(Long::longValue).sum() / Math.max(took.toMillis() / 1000.0, 1e-3));
            return new Result(resume, firstChunk, done, chunks, rows, took);
        }

        // ---------------------------------------------------------------------------------- set-up

        /** The last event, if it is a generator marker: its settings and how far it got. */
        private Map<String, String> headMarker() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("select e.action, e.after_value from event_log e "
                    + "join event_chain_head h on h.last_id = e.id where h.id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !"GENERATE".equals(rs.getString(1))) {
                    return null;
                }
                Map<String, String> values = new HashMap<>();
                for (String part : rs.getString(2).split("; ")) {
                    int eq = part.indexOf('=');
                    values.put(part.substring(0, eq), part.substring(eq + 1));
                }
                return values;
            }
        }

        private void setUp(String password) throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id, code, kind, name_vi, valid_from, valid_to from org_unit "
                         + "order by code")) {
                while (rs.next()) {
                    Date to = rs.getDate(6, zone);
                    Unit u = new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5, zone).toLocalDate(), to == null ? null : to.toLocalDate());
                    unitsById.put(u.id(), u);
                    if (u.kind().equals("PROVINCE")) {
                        provinces.add(u);
                    } else if (u.kind().equals("DEPARTMENT")) {
                        departments.add(u);
                    }
                }
            }
            Unit ministry = unitsById.values().stream().filter(u -> u.kind().equals("MINISTRY")).findFirst()
                    .orElseThrow();
            String hash = encoder.encode(password);
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

            Map<Integer, Object[]> programme = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select number, title_vi, title_en, description, lead_unit_id "
                         + "from priority_task where programme_year = " + FIRST_YEAR)) {
                while (rs.next()) {
                    programme.put(rs.getInt(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)});
                }
            }
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                if (count("select count(*) from programme_year where programme_year = " + year) == 0) {
                    update("insert into programme_year (programme_year, opened_at) values (?, ?)", year,
                            LocalDate.of(year, 1, 1).atTime(8, 0));
                }
                for (int n = 1; n <= scale.tasksPerYear(); n++) {
                    task(year, n, programme.get(n));
                }
            }
        }

        private List<Unit> selectedProvinces() {
            List<Unit> originals = provinces.stream().filter(u -> u.validOn(FIRST_MONDAY)).toList();
            if (scale.provinces() == 0) {
                return provinces;
            }
            if (scale.name().equals("small") && scale.provinces() == 3) {
                return originals.stream().filter(u -> List.of("SNV-01", "SNV-48", "SNV-68").contains(u.code()))
                        .toList();
            }
            return originals.subList(0, scale.provinces());
        }

        private void person(String username, String fullName, Unit unit, String role, String hash)
                throws SQLException {
            Long id = findLong("select id from app_user where username = ?", username);
            if (id == null) {
                String email = username + "@dulieumau.example.vn";
                update("insert into app_user (username, full_name, email, unit_id, password_hash, enabled, "
                        + "search_text) values (?, ?, ?, ?, ?, ?, ?)", username, fullName, email, unit.id(), hash, true,
                        SearchText.limit(SearchText.of(username, fullName, email, unit.nameVi()), 600));
                id = findLong("select id from app_user where username = ?", username);
                update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
                rows.merge("app_user", 1L, Long::sum);
            }
            people.put(username, new Person(id, username, role));
        }

        private void task(int year, int number, Object[] programme) throws SQLException {
            Person leader = people.get(PREFIX + "lanhdao" + (number % 2 == 1 ? 1 : 2));
            try (PreparedStatement ps = c.prepareStatement("select id, lead_unit_id from priority_task "
                    + "where programme_year = ? and number = ?")) {
                ps.setInt(1, year);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        tasks.put(year + "-" + number, new Task(rs.getLong(1), year, number,
                                unitsById.get(rs.getLong(2)), leader));
                        return;
                    }
                }
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
            update("insert into priority_task (programme_year, number, title_vi, title_en, description, lead_unit_id, "
                    + "leader_id, search_text) values (?, ?, ?, ?, ?, ?, ?, ?)", year, number, titleVi, titleEn,
                    description, lead.id(), leader.id(), SearchText.of(String.valueOf(number), titleVi, titleEn,
                            lead.nameVi()));
            rows.merge("priority_task", 1L, Long::sum);
            long id = findLong("select id from priority_task where programme_year = ? and number = ?", year, number);
            tasks.put(year + "-" + number, new Task(id, year, number, lead, leader));
        }

        // ------------------------------------------------------------------------------ assignments

        /** The week (chunk) in which the assignments of a programme year are made: the one with 2 January. */
        private int creationChunk(int year) {
            return (int) ChronoUnit.WEEKS.between(FIRST_MONDAY, LocalDate.of(year, 1, 2));
        }

        /** Every assignment the settings plan, in a fixed order, without ids. */
        private List<Asg> planned(int year) {
            List<Asg> plan = new ArrayList<>();
            LocalDate day = LocalDate.of(year, 1, 2);
            List<Unit> chosen = selectedProvinces().stream().filter(u -> u.validOn(day)).toList();
            for (int n = 1; n <= scale.tasksPerYear(); n++) {
                Task task = tasks.get(year + "-" + n);
                for (Unit p : chosen) {
                    plan.add(planned(task, p, List.of()));
                }
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

        private Asg planned(Task task, Unit unit, List<Unit> coordinators) {
            Asg a = new Asg();
            a.task = task;
            a.unit = unit;
            a.coordinators.addAll(coordinators);
            a.createdChunk = creationChunk(task.year());
            a.deadline = LocalDate.of(task.year(), 12, 15);
            a.profile = profile(task, unit);
            return a;
        }

        private Profile profile(Task task, Unit unit) {
            Random r = random("assignment", task.year(), task.number(), unit.code());
            int speed = 20 + r.nextInt(Math.max(1, scale.slowestWeeks() - 19));
            boolean extension = r.nextDouble() < 0.06;
            return new Profile(1 + r.nextInt(3), speed, extension ? 15 + r.nextInt(20) : -1, r.nextDouble() < 0.7,
                    30 + r.nextInt(31), 1 + r.nextInt(2));
        }

        /** The assignments this run made earlier (a restart), with what the weeks need of them. */
        private void loadActive() throws SQLException {
            Map<Long, Task> taskById = new HashMap<>();
            tasks.values().forEach(t -> taskById.put(t.id(), t));
            Map<Long, Asg> byId = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, task_id, lead_unit_id from assignment "
                    + "where id >= ? order by id")) {
                ps.setLong(1, firstAssignment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Task t = taskById.get(rs.getLong(2));
                        if (t == null) {
                            continue; // made by someone else meanwhile
                        }
                        Asg a = planned(t, unitsById.get(rs.getLong(3)), List.of());
                        a.id = rs.getLong(1);
                        byId.put(a.id, a);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select assignment_id, id, target from indicator "
                    + "where assignment_id >= ? order by assignment_id, position")) {
                ps.setLong(1, firstAssignment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Asg a = byId.get(rs.getLong(1));
                        if (a != null) {
                            a.indicators.add(new Indicator(rs.getLong(2), rs.getBigDecimal(3)));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select assignment_id, unit_id from assignment_coordinator "
                    + "where assignment_id >= ? order by assignment_id, unit_id")) {
                ps.setLong(1, firstAssignment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Asg a = byId.get(rs.getLong(1));
                        if (a != null) {
                            a.coordinators.add(unitsById.get(rs.getLong(2)));
                        }
                    }
                }
            }
            active.addAll(byId.values());
        }

        private long expectedReports(int chunks) {
            long total = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                if (creationChunk(year) >= chunks) {
                    continue;
                }
                for (Asg a : planned(year)) {
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
        private int reportNumber(Asg a, int chunk) {
            int k = chunk - a.createdChunk - a.profile.startOffset();
            if (k < 0 || k % scale.everyWeeks() != 0) {
                return -1;
            }
            LocalDate monday = FIRST_MONDAY.plusWeeks(chunk);
            if (!a.unit.validOn(monday) || monday.isAfter(until.toLocalDate())) {
                return -1;
            }
            int n = k / scale.everyWeeks();
            return n > 0 && percent(a, n - 1) == 100 ? -1 : n;
        }

        private int percent(Asg a, int n) {
            return (int) Math.min(100, Math.round(100.0 * (n + 1) * scale.everyWeeks() / a.profile.speedWeeks()));
        }

        // ------------------------------------------------------------------------------------ a week

        private Map<String, Long> week(int chunk, int chunks) throws SQLException {
            LocalDate monday = FIRST_MONDAY.plusWeeks(chunk);
            Batch b = new Batch();
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                if (creationChunk(year) == chunk) {
                    assign(year, b);
                }
            }
            for (Asg a : active) {
                int n = reportNumber(a, chunk);
                if (n >= 0) {
                    report(a, n, chunk, monday, b);
                }
                if (a.profile.extensionAt() >= 0
                        && chunk == a.createdChunk + a.profile.startOffset() + a.profile.extensionAt()) {
                    extension(a, monday, b);
                }
            }
            return b.write(chunk, chunks);
        }

        private void assign(int year, Batch b) throws SQLException {
            LocalDateTime at = LocalDate.of(year, 1, 2).atTime(8, 0);
            List<Asg> made = new ArrayList<>();
            int i = 0;
            for (Asg a : planned(year)) {
                i++;
                if (findLong("select id from assignment where task_id = ? and lead_unit_id = ?", a.task.id(),
                        a.unit.id()) != null) {
                    continue; // already assigned (append to a database with work in it)
                }
                a.id = b.next("assignment");
                Person manager = people.get(a.task.lead().login() + ".quanly");
                LocalDateTime when = at.plusSeconds(i * 3L);
                String output = "Báo cáo kết quả thực hiện nhiệm vụ " + a.task.number() + " năm " + year + " của "
                        + a.unit.nameVi();
                b.add("assignment", a.id, a.task.id(), a.unit.id(), a.deadline, NO_TEXT, output,
                        "Báo cáo tiến độ hằng tuần vào thứ Hai.", a.task.leader().id(), 0, NO_DATE, manager.id(), when);
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
                b.add("deadline_change", b.next("deadline_change"), a.id, NO_DATE, a.deadline, "assign",
                        manager.id(), when);
                b.event(new Event(when, manager, "ASSIGN", "ASSIGNMENT", a.id, a.id, null, "lead=" + a.unit.code()
                        + "; coordinators=" + String.join(",", a.coordinators.stream().map(Unit::code).sorted()
                        .toList()) + "; deadline=" + a.deadline + "; period=-; leader="
                        + a.task.leader().username() + "; output=" + output));
                made.add(a);
            }
            b.afterCommit(() -> active.addAll(made));
        }

        private void report(Asg a, int n, int chunk, LocalDate monday, Batch b) {
            Random r = random("report", a.task.year(), a.task.number(), a.unit.code(), chunk);
            Person officer = people.get(a.unit.login() + ".cv");
            Person head = people.get(a.unit.login() + ".truong");
            Person manager = people.get(a.task.lead().login() + ".quanly");
            boolean province = a.unit.kind().equals("PROVINCE");
            List<Person> chain = province ? List.of(head, manager, a.task.leader()) : List.of(head, a.task.leader());
            List<String> roles = province ? List.of("UNIT_HEAD", "MANAGER", "LEADER") : List.of("UNIT_HEAD", "LEADER");

            long id = b.next("progress_report");
            int percent = percent(a, n);
            double luck = r.nextDouble();
            String confidence = luck < 0.75 ? "ON_TRACK" : luck < 0.95 ? "AT_RISK" : "OFF_TRACK";
            String narrative = NARRATIVES[r.nextInt(NARRATIVES.length)];
            Map<Long, BigDecimal> values = new LinkedHashMap<>();
            for (Indicator i : a.indicators) {
                values.put(i.id(), i.target().multiply(BigDecimal.valueOf(percent))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
            String described = "percent=" + percent + "; confidence=" + confidence + "; status=";

            LocalDateTime saved = monday.atTime(8, 0).plusMinutes(r.nextInt(300));
            boolean withFile = r.nextDouble() < 0.03;
            LocalDateTime submitted = monday.plusDays(1).atTime(8, 30).plusMinutes(r.nextInt(240));
            boolean returned = r.nextDouble() < 0.05;
            String returnReason = RETURNS[r.nextInt(RETURNS.length)];
            LocalDateTime returnedAt = submitted.plusHours(2);
            LocalDateTime resubmitted = monday.plusDays(2).atTime(9, 0).plusMinutes(r.nextInt(120));
            LocalDate firstStepDay = (returned ? monday.plusDays(2) : monday.plusDays(1));
            boolean comment = r.nextDouble() < 0.25 && !a.coordinators.isEmpty();
            Unit commenter = a.coordinators.isEmpty() ? null : a.coordinators.get(r.nextInt(a.coordinators.size()));
            LocalDateTime commentAt = monday.plusDays(3).atTime(14, 0).plusMinutes(r.nextInt(120));
            String commentText = COMMENTS[r.nextInt(COMMENTS.length)];

            // the life of the report, as far as it got by the run's end time
            if (saved.isAfter(until)) {
                b.unused("progress_report");
                return;
            }
            String status = "DRAFT";
            int round = 0;
            int step = 0;
            int version = 0;
            LocalDateTime firstSubmitted = null;
            LocalDateTime lastSubmitted = null;
            b.event(new Event(saved, officer, "REPORT_SAVE", "REPORT", id, a.id, null,
                    described + "DRAFT; values=" + values));
            if (withFile) {
                LocalDateTime at = saved.plusMinutes(7);
                if (!at.isAfter(until)) {
                    evidence(a, id, officer, at, chunk, b);
                }
            }
            LocalDate completed = null;
            if (!submitted.isAfter(until)) {
                status = "SUBMITTED";
                round = 1;
                step = 1;
                version++;
                firstSubmitted = submitted;
                lastSubmitted = submitted;
                b.event(new Event(submitted, officer, "REPORT_SUBMIT", "REPORT", id, a.id, null,
                        "round=1; " + described + "SUBMITTED; values=" + values));
                boolean going = true;
                if (returned) {
                    if (returnedAt.isAfter(until)) {
                        going = false;
                    } else {
                        b.add("approval_decision", b.next("approval_decision"), id, 1, 1, roles.get(0), "RETURNED",
                                returnReason, head.id(), officer.id(), returnedAt);
                        b.event(new Event(returnedAt, head, "REPORT_RETURN", "REPORT", id, a.id, null,
                                "round=1; step=1; role=UNIT_HEAD; comment=" + returnReason));
                        status = "RETURNED";
                        step = 0;
                        version++;
                        if (resubmitted.isAfter(until)) {
                            going = false;
                        } else {
                            status = "SUBMITTED";
                            round = 2;
                            step = 1;
                            version++;
                            lastSubmitted = resubmitted;
                            b.event(new Event(resubmitted, officer, "REPORT_SUBMIT", "REPORT", id, a.id, null,
                                    "round=2; " + described + "SUBMITTED; values=" + values));
                        }
                    }
                }
                for (int s = 1; going && s <= chain.size(); s++) {
                    LocalDateTime at = firstStepDay.plusDays(s).atTime(9, 0).plusMinutes(r.nextInt(420));
                    if (at.isAfter(until)) {
                        break;
                    }
                    Person who = chain.get(s - 1);
                    b.add("approval_decision", b.next("approval_decision"), id, round, s, roles.get(s - 1),
                            "APPROVED", NO_TEXT, who.id(), officer.id(), at);
                    version++;
                    boolean last = s == chain.size();
                    if (last) {
                        status = "APPROVED";
                        step = 0;
                        completed = percent == 100 ? at.toLocalDate() : null;
                        b.progress(a.id, percent, completed);
                    } else {
                        step = s + 1;
                    }
                    b.event(new Event(at, who, last ? "REPORT_ACCEPT" : "REPORT_APPROVE_STEP", "REPORT", id, a.id,
                            null, "round=" + round + "; step=" + s + "; role=" + roles.get(s - 1)
                            + (completed != null ? "; completed=" + completed : "")));
                }
            }
            b.add("progress_report", id, version, a.id, a.unit.id(), percent, confidence, narrative, status, round,
                    step, officer.id(), saved, firstSubmitted == null ? NO_LONG : officer.id(),
                    lastSubmitted == null ? NO_TIME : lastSubmitted, NO_TEXT, NO_DATE, NO_DATE,
                    firstSubmitted == null ? NO_TIME : firstSubmitted);
            values.forEach((indicator, value) -> b.add("indicator_value", id, indicator, value));
            if (comment && !commentAt.isAfter(until)) {
                Person author = people.get(commenter.login() + ".cv");
                long cid = b.next("contribution");
                b.add("contribution", cid, a.id, commenter.id(), commentText, author.id(), commentAt);
                b.event(new Event(commentAt, author, "CONTRIBUTE", "CONTRIBUTION", cid, a.id, null,
                        commenter.code() + ": " + commentText));
            }
        }

        private void evidence(Asg a, long reportId, Person officer, LocalDateTime at, int chunk, Batch b) {
            String text = "BT /F1 12 Tf 72 720 Td (Bao cao tuan " + chunk + " - " + a.unit.code() + " - nhiem vu "
                    + a.task.number() + "/" + a.task.year() + ") Tj ET";
            byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                    + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
                    + "4 0 obj << /Length " + text.length() + " >>\nstream\n" + text + "\nendstream endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            String stored = sha256(("evidence|" + seed + "|" + a.task.year() + "|" + a.task.number() + "|"
                    + a.unit.code() + "|" + chunk).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
            String name = "minh-chung-tuan-" + (chunk + 1) + ".pdf";
            long id = b.next("evidence_file");
            b.file(stored, pdf);
            b.add("evidence_file", id, reportId, name, stored, "application/pdf", (long) pdf.length, sha256(pdf),
                    officer.id(), at, NO_TIME);
            b.event(new Event(at, officer, "FILE_ADD", "FILE", id, a.id, null,
                    name + " (application/pdf, " + pdf.length + " bytes)"));
        }

        private void extension(Asg a, LocalDate monday, Batch b) {
            if (!a.unit.validOn(monday)) {
                return;
            }
            int last = -1;
            for (int chunk = a.createdChunk; chunk < FIRST_MONDAY.until(monday, ChronoUnit.WEEKS); chunk++) {
                int n = reportNumber(a, chunk);
                last = n >= 0 ? n : last;
            }
            if (last >= 0 && percent(a, last) == 100) {
                return; // finished before it needed more time
            }
            LocalDateTime asked = monday.plusDays(2).atTime(10, 0);
            if (asked.isAfter(until)) {
                return;
            }
            Person head = people.get(a.unit.login() + ".truong");
            LocalDate wanted = a.deadline.plusDays(a.profile.extensionDays());
            String reason = "Cần thêm thời gian hoàn thiện hồ sơ, tổng hợp số liệu của các đơn vị trực thuộc.";
            long id = b.next("extension_request");
            b.event(new Event(asked, head, "EXTENSION_ASK", "EXTENSION", id, a.id, "deadline=" + a.deadline,
                    "deadline=" + wanted + "; reason=" + reason));
            LocalDateTime decided = monday.plusDays(4).atTime(15, 0);
            Person leader = a.task.leader();
            if (decided.isAfter(until)) {
                b.add("extension_request", id, 0, a.id, a.deadline, wanted, reason, "PENDING", head.id(), asked,
                        NO_LONG, NO_TIME, NO_TEXT);
                return;
            }
            boolean approved = a.profile.extensionApproved();
            String comment = approved ? "Đồng ý gia hạn." : "Không gia hạn; đề nghị tập trung hoàn thành đúng hạn.";
            b.add("extension_request", id, 1, a.id, a.deadline, wanted, reason, approved ? "APPROVED" : "REJECTED",
                    head.id(), asked, leader.id(), decided, comment);
            if (approved) {
                b.add("deadline_change", b.next("deadline_change"), a.id, a.deadline, wanted, reason, leader.id(),
                        decided);
                b.deadline(a.id, wanted);
            }
            b.event(new Event(decided, leader, approved ? "EXTENSION_APPROVE" : "EXTENSION_REJECT", "EXTENSION", id,
                    a.id, "deadline=" + a.deadline, "deadline=" + (approved ? wanted : a.deadline) + "; comment="
                    + comment));
        }

        // ---------------------------------------------------------------------------------- writing

        private static final Map<String, String> INSERTS = new LinkedHashMap<>();

        static {
            INSERTS.put("assignment", "insert into assignment (id, task_id, lead_unit_id, deadline, reporting_period, "
                    + "expected_output, instructions, leader_id, percent_complete, completed_on, created_by, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("indicator", "insert into indicator (id, assignment_id, position, name, unit_of_measure, "
                    + "target) values (?, ?, ?, ?, ?, ?)");
            INSERTS.put("assignment_coordinator", "insert into assignment_coordinator (assignment_id, unit_id) "
                    + "values (?, ?)");
            INSERTS.put("deadline_change", "insert into deadline_change (id, assignment_id, old_deadline, "
                    + "new_deadline, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("progress_report", "insert into progress_report (id, version, assignment_id, unit_id, "
                    + "percent_complete, confidence, narrative, status, round, current_step, created_by, created_at, "
                    + "submitted_by, submitted_at, period_key, period_start, period_end, first_submitted_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("indicator_value", "insert into indicator_value (report_id, indicator_id, reported) "
                    + "values (?, ?, ?)");
            INSERTS.put("evidence_file", "insert into evidence_file (id, report_id, original_name, stored_name, "
                    + "content_type, size_bytes, sha256, uploaded_by, uploaded_at, removed_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("approval_decision", "insert into approval_decision (id, report_id, round, step_order, role, "
                    + "decision, comment, decided_by, submitted_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("extension_request", "insert into extension_request (id, version, assignment_id, "
                    + "current_deadline, requested_deadline, reason, status, requested_by, requested_at, decided_by, "
                    + "decided_at, decision_comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            INSERTS.put("contribution", "insert into contribution (id, assignment_id, unit_id, text, author_id, "
                    + "created_at) values (?, ?, ?, ?, ?, ?)");
            INSERTS.put("event_log", "insert into event_log (id, occurred_at, actor, actor_role, action, entity_type, "
                    + "entity_id, assignment_id, before_value, after_value, prev_hash, hash) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        /** The tables whose ids the generator hands out itself, then moves the identity past. */
        private static final List<String> ID_TABLES = List.of("assignment", "indicator", "deadline_change",
                "progress_report", "evidence_file", "approval_decision", "extension_request", "contribution",
                "event_log");

        /** Rows of one week, written in one transaction. */
        private final class Batch {
            private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();
            private final Map<String, Long> nextIds = new HashMap<>();
            private final List<Event> events = new ArrayList<>();
            private final Map<Long, Object[]> progress = new LinkedHashMap<>();
            private final Map<Long, LocalDate> deadlines = new LinkedHashMap<>();
            private final Map<String, byte[]> files = new LinkedHashMap<>();
            private final List<Runnable> afterCommit = new ArrayList<>();

            Batch() {
                INSERTS.keySet().forEach(t -> tables.put(t, new ArrayList<>()));
            }

            long next(String table) {
                return nextIds.compute(table, (t, last) -> {
                    try {
                        return (last == null ? count("select coalesce(max(id), 0) from " + t) : last) + 1;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }

            /** Gives back the id last handed out (a report that, by the run's end time, was never written). */
            void unused(String table) {
                nextIds.computeIfPresent(table, (t, last) -> last - 1);
            }

            void add(String table, Object... values) {
                tables.get(table).add(values);
            }

            void event(Event e) {
                events.add(e);
            }

            void progress(long assignmentId, int percent, LocalDate completed) {
                progress.put(assignmentId, new Object[] {percent, completed == null ? NO_DATE : completed,
                    assignmentId});
            }

            void deadline(long assignmentId, LocalDate deadline) {
                deadlines.put(assignmentId, deadline);
            }

            void file(String stored, byte[] content) {
                files.put(stored, content);
            }

            void afterCommit(Runnable r) {
                afterCommit.add(r);
            }

            Map<String, Long> write(int chunk, int chunks) throws SQLException {
                Map<String, Long> written = new LinkedHashMap<>();
                writeFiles();
                // the log in time order, then chained; the week ends with the generator's own marker
                events.sort(Comparator.comparing(Event::at));
                LocalDateTime end = events.isEmpty() ? FIRST_MONDAY.plusWeeks(chunk).atStartOfDay()
                        : events.get(events.size() - 1).at();
                Person system = new Person(0, "system", "SYSTEM");
                events.add(new Event(end, system, "GENERATE", "DATASET", chunk + 1, 0, null, scale.describe()
                        + "; seed=" + seed + "; until=" + until + "; first=" + firstAssignment + "; chunk="
                        + (chunk + 1) + "; chunks=" + chunks));
                String[] head = headRow();
                String prev = head[0];
                long id = Long.parseLong(head[1]);
                long maxId = count("select coalesce(max(id), 0) from event_log");
                id = Math.max(id, maxId);
                for (Event e : events) {
                    id++;
                    Long entity = e.action().equals("GENERATE") ? (Long) (long) (chunk + 1) : e.entityId();
                    Long assignment = e.action().equals("GENERATE") ? null : e.assignmentId();
                    String hash = EventLogEntry.chainHash(prev, e.at(), e.who().username(), e.who().roles(),
                            e.action(), e.entityType(), entity, assignment, e.before(), e.after());
                    add("event_log", id, e.at(), e.who().username(), e.who().roles(), e.action(), e.entityType(),
                            entity, assignment == null ? NO_LONG : assignment, e.before() == null ? NO_TEXT
                            : e.before(), e.after(), prev, hash);
                    prev = hash;
                }
                for (var table : tables.entrySet()) {
                    insert(INSERTS.get(table.getKey()), table.getValue());
                    if (!table.getValue().isEmpty()) {
                        written.put(table.getKey(), (long) table.getValue().size());
                    }
                }
                batch("update assignment set percent_complete = ?, completed_on = ? where id = ?",
                        new ArrayList<>(progress.values()));
                List<Object[]> moved = new ArrayList<>();
                deadlines.forEach((assignment, deadline) -> moved.add(new Object[] {deadline, assignment}));
                batch("update assignment set deadline = ? where id = ?", moved);
                update("update event_chain_head set last_hash = ?, last_id = ? where id = 1", prev, id);
                afterCommit.forEach(Runnable::run);
                return written;
            }

            private void writeFiles() {
                try {
                    Files.createDirectories(filesDir);
                    for (var f : files.entrySet()) {
                        Files.write(filesDir.resolve(f.getKey()), f.getValue()); // a restart writes it again
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private String[] headRow() throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select last_hash, last_id from event_chain_head where id = 1")) {
                if (!rs.next()) {
                    return new String[] {ZERO_HASH, "0"};
                }
                return new String[] {rs.getString(1), String.valueOf(rs.getLong(2))};
            }
        }

        private void insert(String sql, List<Object[]> values) throws SQLException {
            batch(sql, values);
        }

        private void batch(String sql, List<Object[]> values) throws SQLException {
            if (values.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (Object[] row : values) {
                    bind(ps, row);
                    ps.addBatch();
                    if (++n % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }

        private void update(String sql, Object... values) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, values);
                ps.executeUpdate();
            }
        }

        private void bind(PreparedStatement ps, Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                int at = i + 1;
                if (v instanceof Null n) {
                    ps.setNull(at, n.sqlType());
                } else if (v instanceof LocalDateTime t) {
                    ps.setTimestamp(at, Timestamp.valueOf(t), zone);
                } else if (v instanceof LocalDate d) {
                    ps.setDate(at, Date.valueOf(d), zone);
                } else if (v instanceof Long l) {
                    ps.setLong(at, l);
                } else if (v instanceof Integer n) {
                    ps.setInt(at, n);
                } else if (v instanceof BigDecimal d) {
                    ps.setBigDecimal(at, d);
                } else if (v instanceof Boolean bool) {
                    ps.setBoolean(at, bool);
                } else if (v == null) {
                    ps.setNull(at, Types.VARCHAR);
                } else {
                    ps.setString(at, v.toString());
                }
            }
        }

        private long count(String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private Long findLong(String sql, Object... values) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        }

        /** After a commit: the tables' own id generators continue past what the generator wrote. */
        private void resetIdentities() throws SQLException {
            for (String table : ID_TABLES) {
                long next = count("select coalesce(max(id), 0) + 1 from " + table);
                try (Statement s = c.createStatement()) {
                    if (postgres) {
                        s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
                    } else {
                        s.execute("alter table " + table + " alter column id restart with " + next);
                    }
                }
            }
            c.commit();
        }

        private Random random(Object... key) {
            StringBuilder s = new StringBuilder().append(seed);
            for (Object k : key) {
                s.append('|').append(k);
            }
            byte[] d = sha256Bytes(s.toString().getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (d[i] & 0xff);
            }
            return new Random(value);
        }
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Bytes(content));
    }

    private static byte[] sha256Bytes(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
