package vn.gov.moha.portal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.moha.portal.Application;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.backup.BackupService.Backup;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Restore drill. A dataset of thousands of assignments, progress reports with evidence files and a real
 * hash-chained event log; a backup through the ADMIN service while another thread keeps committing reports,
 * files and events; the archive unpacked into an empty folder as the README says; then the restored copy
 * against the live database: every row committed before the backup started is there and unchanged, no
 * row is there that the live database never had, every evidence row's file is there with its SHA-256,
 * the event log is a prefix of the live one, and the portal itself, started on the restored copy, finds
 * the event-log chain intact.
 */
@PortalTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class RestoreDrillTest extends FileDatabaseTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    ReportService reports;

    @Autowired
    UserDetailsService userDetailsService;

    /** Extra priority tasks of 2024, each assigned to every unit: about 100 assignments per task. */
    private static final int TASKS = 30;
    /** Commits the writer must make while the backup copies the evidence files (after the database). */
    private static final int WRITES_DURING_FILE_COPY = 10;

    @Autowired
    BackupService backups;

    @Autowired
    EventLog eventLog;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    EvidenceService evidence;

    private final Random random = new Random(20240101);

    @Test
    void aBackupTakenWhileWritesGoOnRestoresIntoAnEmptyDatabaseWithNothingLost() throws Exception {
        assumeFalse(onPostgres(), "H2's BACKUP TO; PostgreSQL is backed up with pg_dump (README)");
        long started = System.nanoTime();
        long processCpuStarted = processCpuNanos();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Map<String, Integer> dataset = generate();
        System.out.printf(
                "Dataset generated in %.1f s (%.1f s of CPU in the test thread): %s%n",
                seconds(started),
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9,
                dataset);

        // a real report of Lâm Đồng, still a draft: the writer adds evidence to it through ReportService
        Assignment lamDong = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        ProgressReport draft = reports.save(
                new ReportDraft(null, lamDong.getId(), 0, 10, Confidence.ON_TRACK, "Đang triển khai", Map.of()));
        logout();

        Writer writer = new Writer(draft.getId());
        Thread writing = new Thread(writer, "drill-writer");
        writing.setDaemon(true);
        writing.start();
        Map<String, Rows> before;
        Map<String, Rows> after;
        Backup backup;
        double backupSeconds;
        int atStart;
        int atEnd;
        AtomicInteger atDatabaseDone = new AtomicInteger(-1);
        try {
            writer.awaitCommits(20);
            before = readAll(dataSource);
            login("admin");
            atStart = writer.commits();
            long backupStarted = System.nanoTime();
            CompletableFuture<Backup> running = backups.start(progress -> {
                if (progress.databaseDone() && atDatabaseDone.compareAndSet(-1, writer.commits())) {
                    // the database copy is taken; writes keep landing before and while the files are copied
                    writer.awaitCommits(atDatabaseDone.get() + WRITES_DURING_FILE_COPY);
                }
            });
            backup = running.get(5, TimeUnit.MINUTES);
            backupSeconds = seconds(backupStarted);
            atEnd = writer.commits();
            logout();
            writer.awaitCommits(atEnd + 5);
        } finally {
            writer.stop();
            writing.join(TimeUnit.MINUTES.toMillis(1));
        }
        assertThat(writer.failure).as("the writer's failure").isNull();
        after = readAll(dataSource);
        System.out.printf(
                "Backup %s: %,d bytes in %.2f s; writer commits: %d before the backup, %d while the "
                        + "database was copied, %d while the files were copied, %d in all%n",
                backup.name(),
                backup.sizeBytes(),
                backupSeconds,
                atStart,
                atDatabaseDone.get() - atStart,
                atEnd - atDatabaseDone.get(),
                writer.commits());
        assertThat(atEnd - atStart).as("commits while the backup ran").isGreaterThanOrEqualTo(WRITES_DURING_FILE_COPY);

        // restore: unpack the archive into an empty data folder, as the README says
        long restoreStarted = System.nanoTime();
        Path data = Files.createTempDirectory(DIR, "restored-").resolve("data");
        unzip(backupDir().resolve(backup.name()), data);
        String restoredUrl = "jdbc:h2:file:" + data.resolve("portal") + ";IFEXISTS=TRUE";
        Map<String, Rows> restored;
        try (Connection c = DriverManager.getConnection(restoredUrl, "sa", "")) {
            restored = readAll(c);
        }

        // every table: nothing committed before the backup lost or changed, nothing the live database never had
        int lost = 0;
        int invented = 0;
        int differing = 0;
        int compared = 0;
        StringBuilder table = new StringBuilder(String.format(
                "%-24s %8s %9s %8s %5s %9s%n", "table", "before", "restored", "after", "lost", "compared"));
        for (String name : after.keySet()) {
            Rows was = before.get(name);
            Rows now = after.get(name);
            Rows copy = restored.getOrDefault(name, new Rows(Map.of()));
            int tableLost = 0;
            int tableCompared = 0;
            for (String key : was.byKey().keySet()) {
                if (!copy.byKey().containsKey(key)) {
                    tableLost++;
                }
            }
            for (Map.Entry<String, String> row : copy.byKey().entrySet()) {
                String live = now.byKey().get(row.getKey());
                if (live == null) {
                    invented++;
                    continue;
                }
                String earlier = was.byKey().get(row.getKey());
                if (earlier == null || earlier.equals(live)) {
                    // unchanged during the drill (or written during it and not touched again): must be identical
                    tableCompared++;
                    if (!row.getValue().equals(live)) {
                        differing++;
                        System.out.println("Differs in " + name + ": " + row.getValue() + " / live " + live);
                    }
                }
            }
            lost += tableLost;
            compared += tableCompared;
            table.append(String.format(
                    "%-24s %8d %9d %8d %5d %9d%n",
                    name, was.byKey().size(), copy.byKey().size(), now.byKey().size(), tableLost, tableCompared));
        }
        System.out.print(table);
        System.out.printf(
                "Rows: %d compared field by field, %d lost, %d differing, %d never in the live database%n",
                compared, lost, differing, invented);
        assertThat(restored.keySet()).as("tables of the restored copy").isEqualTo(after.keySet());
        assertThat(lost)
                .as("rows committed before the backup started but missing from the restored copy")
                .isZero();
        assertThat(differing)
                .as("restored rows that differ from the live database")
                .isZero();
        assertThat(invented).as("restored rows the live database never had").isZero();

        // the event log of the copy is the live log up to the moment of the copy
        List<String> restoredLog =
                new ArrayList<>(restored.get("EVENT_LOG").byKey().values());
        List<String> liveLog = new ArrayList<>(after.get("EVENT_LOG").byKey().values());
        assertThat(restoredLog)
                .as("restored event log is a prefix of the live one")
                .isEqualTo(liveLog.subList(0, restoredLog.size()));
        assertThat(restoredLog.size())
                .isGreaterThanOrEqualTo(before.get("EVENT_LOG").byKey().size());

        // every evidence row of the copy has its file, byte for byte
        int files = 0;
        long fileBytes = 0;
        List<String> badFiles = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(restoredUrl, "sa", "");
                ResultSet rs =
                        c.createStatement().executeQuery("select stored_name, size_bytes, sha256 from evidence_file")) {
            while (rs.next()) {
                Path file = data.resolve("files").resolve(rs.getString(1));
                named.add(rs.getString(1));
                files++;
                if (!Files.isRegularFile(file)
                        || Files.size(file) != rs.getLong(2)
                        || !sha256(Files.readAllBytes(file)).equals(rs.getString(3))) {
                    badFiles.add(rs.getString(1));
                } else {
                    fileBytes += rs.getLong(2);
                }
            }
        }
        long extraFiles;
        try (Stream<Path> all = Files.list(data.resolve("files"))) {
            extraFiles =
                    all.filter(f -> !named.contains(f.getFileName().toString())).count();
        }
        System.out.printf(
                "Evidence files: %d rows checked against their file by SHA-256 (%,d bytes), %d missing or "
                        + "different; %d files in the archive no restored row names (written after the database copy)%n",
                files, fileBytes, badFiles.size(), extraFiles);
        assertThat(badFiles)
                .as("evidence rows whose file is missing or different")
                .isEmpty();
        assertThat(files).isEqualTo(restored.get("EVIDENCE_FILE").byKey().size());

        // the portal starts on the restored copy (Flyway and JPA validate it) and its own check finds the chain whole;
        // it installs its own security-context holder, which goes back to this test's afterwards
        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + restoredUrl,
                        "--portal.files.dir=" + data.resolve("files"),
                        "--portal.backup.dir=" + data.resolve("backups"))) {
            UserDetails admin = portal.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                    .loadUserByUsername("admin");
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            Optional<Long> broken = portal.getBean(EventLog.class).firstBrokenEntry();
            System.out.printf(
                    "Restored portal started; event-log chain of %d entries: %s; restore and checks took " + "%.1f s%n",
                    restoredLog.size(), broken.map(id -> "broken at " + id).orElse("intact"), seconds(restoreStarted));
            assertThat(broken)
                    .as("first broken entry of the restored event log")
                    .isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
        System.out.printf(
                "Restore drill: %d tables, %d rows compared, %d evidence files compared, 0 lost; "
                        + "archive %,d bytes; backup %.2f s; whole drill %.1f s (%.1f s of CPU)%n",
                after.size(),
                compared,
                files,
                backup.sizeBytes(),
                backupSeconds,
                seconds(started),
                (processCpuNanos() - processCpuStarted) / 1e9);
    }

    /**
     * Thousands of assignments with an indicator, a report with an indicator value and an evidence file each,
     * written with JDBC batches, and their event-log entries through the real {@link EventLog}.
     */
    private Map<String, Integer> generate() throws Exception {
        Long taskLead = jdbc.queryForObject(
                "select lead_unit_id from priority_task where programme_year = 2024 " + "and number = 3", Long.class);
        Long manager = userId("quanly");
        Long officer = userId("lamdong.cv");
        List<Long> units = jdbc.queryForList("select id from org_unit order by id", Long.class);
        jdbc.update("delete from priority_task where programme_year = 2024 and number > 10");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        int events = 0;
        long[] eventNanos = new long[1];
        for (int n = 11; n < 11 + TASKS; n++) {
            int number = n;
            events += tx.execute(status -> {
                jdbc.update(
                        "insert into priority_task (programme_year, number, title_vi, title_en, lead_unit_id, "
                                + "search_text) values (2024, ?, ?, ?, ?, ?)",
                        number,
                        "Nhiệm vụ diễn tập " + number,
                        "Drill task " + number,
                        taskLead,
                        "nhiem vu dien tap " + number);
                Long task = jdbc.queryForObject(
                        "select id from priority_task where programme_year = 2024 " + "and number = ?",
                        Long.class,
                        number);
                jdbc.batchUpdate(
                        "insert into assignment (task_id, lead_unit_id, deadline, expected_output, "
                                + "created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                        units,
                        200,
                        (ps, unit) -> {
                            ps.setLong(1, task);
                            ps.setLong(2, unit);
                            ps.setObject(3, LocalDate.now().plusDays(30 + random.nextInt(300)));
                            ps.setString(4, "Báo cáo kết quả thực hiện nhiệm vụ " + number);
                            ps.setLong(5, manager);
                            ps.setTimestamp(6, Timestamp.valueOf(now));
                        });
                List<Map<String, Object>> assigned = jdbc.queryForList(
                        "select id, lead_unit_id from assignment where task_id = ? order by id", task);
                jdbc.batchUpdate(
                        "insert into indicator (assignment_id, position, name, unit_of_measure, target) "
                                + "values (?, 0, 'Số hồ sơ xử lý', 'hồ sơ', ?)",
                        assigned,
                        200,
                        (ps, a) -> {
                            ps.setLong(1, ((Number) a.get("ID")).longValue());
                            ps.setBigDecimal(2, BigDecimal.valueOf(100 + random.nextInt(900)));
                        });
                jdbc.batchUpdate(
                        "insert into progress_report (assignment_id, unit_id, percent_complete, confidence, "
                                + "narrative, status, created_by, created_at) values (?, ?, ?, 'ON_TRACK', ?, 'DRAFT', ?, ?)",
                        assigned,
                        200,
                        (ps, a) -> {
                            ps.setLong(1, ((Number) a.get("ID")).longValue());
                            ps.setLong(2, ((Number) a.get("LEAD_UNIT_ID")).longValue());
                            ps.setInt(3, random.nextInt(101));
                            ps.setString(4, "Đã triển khai theo kế hoạch, số liệu đến ngày " + now.toLocalDate());
                            ps.setLong(5, officer);
                            ps.setTimestamp(6, Timestamp.valueOf(now));
                        });
                List<Map<String, Object>> written = jdbc.queryForList(
                        "select r.id, r.assignment_id, i.id as indicator "
                                + "from progress_report r join assignment a on a.id = r.assignment_id "
                                + "join indicator i on i.assignment_id = a.id where a.task_id = ? order by r.id",
                        task);
                jdbc.batchUpdate(
                        "insert into indicator_value (report_id, indicator_id, reported) values (?, ?, ?)",
                        written,
                        200,
                        (ps, r) -> {
                            ps.setLong(1, ((Number) r.get("ID")).longValue());
                            ps.setLong(2, ((Number) r.get("INDICATOR")).longValue());
                            ps.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(1000)));
                        });
                List<String[]> files = new ArrayList<>();
                for (Map<String, Object> r : written) {
                    byte[] content = pdf(random.nextInt(1_000_000), 1024 + random.nextInt(3072));
                    String stored = UUID.randomUUID().toString().replace("-", "");
                    write(stored, content);
                    files.add(new String[] {
                        r.get("ID").toString(), stored, String.valueOf(content.length), sha256(content)
                    });
                }
                jdbc.batchUpdate(
                        "insert into evidence_file (report_id, original_name, stored_name, content_type, "
                                + "size_bytes, sha256, uploaded_by, uploaded_at) values (?, 'bao-cao.pdf', ?, "
                                + "'application/pdf', ?, ?, ?, ?)",
                        files,
                        200,
                        (ps, f) -> {
                            ps.setLong(1, Long.parseLong(f[0]));
                            ps.setString(2, f[1]);
                            ps.setLong(3, Long.parseLong(f[2]));
                            ps.setString(4, f[3]);
                            ps.setLong(5, officer);
                            ps.setTimestamp(6, Timestamp.valueOf(now));
                        });
                long eventsStarted = System.nanoTime();
                login("quanly");
                for (Map<String, Object> a : assigned) {
                    Long id = ((Number) a.get("ID")).longValue();
                    eventLog.record("ASSIGN", "ASSIGNMENT", id, id, null, "lead=" + a.get("LEAD_UNIT_ID"));
                }
                login("lamdong.cv");
                List<Map<String, Object>> evidence = jdbc.queryForList(
                        "select e.id, r.id as report, r.assignment_id "
                                + "from evidence_file e join progress_report r on r.id = e.report_id join assignment a "
                                + "on a.id = r.assignment_id where a.task_id = ? order by e.id",
                        task);
                for (Map<String, Object> e : evidence) {
                    Long assignment = ((Number) e.get("ASSIGNMENT_ID")).longValue();
                    eventLog.record(
                            "REPORT_SAVE",
                            "REPORT",
                            ((Number) e.get("REPORT")).longValue(),
                            assignment,
                            null,
                            "percent=50; status=DRAFT");
                    eventLog.record(
                            "FILE_ADD",
                            "FILE",
                            ((Number) e.get("ID")).longValue(),
                            assignment,
                            null,
                            "bao-cao.pdf (application/pdf)");
                }
                logout();
                eventNanos[0] += System.nanoTime() - eventsStarted;
                return assigned.size() + 2 * evidence.size();
            });
        }
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (String t : List.of(
                "assignment", "indicator", "progress_report", "indicator_value", "evidence_file", "event_log")) {
            figures.put(t, jdbc.queryForObject("select count(*) from " + t, Integer.class));
        }
        figures.put("events recorded", events);
        figures.put("seconds spent in EventLog.record", (int) (eventNanos[0] / 1_000_000_000L));
        return figures;
    }

    /** Commits reports with a file and events, and evidence through ReportService, until stopped. */
    private final class Writer implements Runnable {

        private final Long draftReport;
        private final AtomicInteger commits = new AtomicInteger();
        private volatile boolean stopped;
        volatile Throwable failure;

        Writer(Long draftReport) {
            this.draftReport = draftReport;
        }

        @Override
        public void run() {
            UserDetails officer = userDetailsService.loadUserByUsername("lamdong.cv");
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
            TransactionTemplate tx = new TransactionTemplate(transactions);
            List<Long> assignmentIds = jdbc.queryForList("select id from assignment order by id", Long.class);
            Long officerId = userId("lamdong.cv");
            try {
                for (int i = 0; !stopped; i++) {
                    if (i % 2 == 0) {
                        evidence.addEvidence(
                                draftReport, "bang-chung-" + i + ".pdf", new ByteArrayInputStream(pdf(i, 2048)));
                    } else {
                        Long assignment = assignmentIds.get(i % assignmentIds.size());
                        int n = i;
                        tx.executeWithoutResult(status -> reportWithFile(assignment, officerId, n));
                    }
                    synchronized (this) {
                        commits.incrementAndGet();
                        notifyAll();
                    }
                }
            } catch (Throwable e) {
                failure = e;
                synchronized (this) {
                    notifyAll();
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private void reportWithFile(Long assignment, Long officerId, int n) {
            Long unit = jdbc.queryForObject("select lead_unit_id from assignment where id = ?", Long.class, assignment);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    c -> {
                        PreparedStatement ps = c.prepareStatement(
                                "insert into progress_report (assignment_id, unit_id, "
                                        + "percent_complete, confidence, narrative, status, created_by, created_at) "
                                        + "values (?, ?, ?, 'AT_RISK', ?, 'DRAFT', ?, ?)",
                                new String[] {"ID"});
                        ps.setLong(1, assignment);
                        ps.setLong(2, unit);
                        ps.setInt(3, n % 101);
                        ps.setString(4, "Báo cáo bổ sung số " + n);
                        ps.setLong(5, officerId);
                        ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
                        return ps;
                    },
                    key);
            Long report = key.getKey().longValue();
            byte[] content = pdf(n, 1500);
            String stored = UUID.randomUUID().toString().replace("-", "");
            write(stored, content);
            jdbc.update(
                    "insert into evidence_file (report_id, original_name, stored_name, content_type, size_bytes, "
                            + "sha256, uploaded_by, uploaded_at) values (?, 'bo-sung.pdf', ?, 'application/pdf', ?, ?, ?, ?)",
                    report,
                    stored,
                    content.length,
                    sha256(content),
                    officerId,
                    Timestamp.valueOf(LocalDateTime.now().withNano(0)));
            Long file = jdbc.queryForObject("select id from evidence_file where stored_name = ?", Long.class, stored);
            eventLog.record("REPORT_SAVE", "REPORT", report, assignment, null, "percent=" + (n % 101));
            eventLog.record("FILE_ADD", "FILE", file, assignment, null, "bo-sung.pdf (application/pdf)");
        }

        int commits() {
            return commits.get();
        }

        /** Waits (at most two minutes) until the writer has committed {@code count} times. */
        synchronized void awaitCommits(int count) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (commits.get() < count && failure == null && System.nanoTime() < deadline) {
                try {
                    wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            assertThat(failure).as("writer failure").isNull();
            assertThat(commits.get()).as("writer commits").isGreaterThanOrEqualTo(count);
        }

        void stop() {
            stopped = true;
        }
    }

    /** Every row of a table by its primary key, each row as text. */
    private record Rows(Map<String, String> byKey) {}

    private static Map<String, Rows> readAll(DataSource source) throws SQLException {
        try (Connection c = source.getConnection()) {
            return readAll(c);
        }
    }

    private static Map<String, Rows> readAll(Connection c) throws SQLException {
        Map<String, Rows> tables = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, "PUBLIC", "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            Map<Integer, String> keyColumns = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, "PUBLIC", name)) {
                while (rs.next()) {
                    keyColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            Map<String, String> rows = new TreeMap<>(RestoreDrillTest::byNumberThenText);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select * from \"" + name + "\"")) {
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnName(i), String.valueOf(rs.getObject(i)));
                    }
                    String key = keyColumns.isEmpty()
                            ? row.toString()
                            : keyColumns.values().stream().map(row::get).collect(Collectors.joining("|"));
                    rows.put(key, row.toString());
                }
            }
            tables.put(name, new Rows(rows));
        }
        return tables;
    }

    /** Numeric keys in numeric order, so the event log reads in id order. */
    private static int byNumberThenText(String a, String b) {
        if (a.matches("\\d+") && b.matches("\\d+")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static void unzip(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into))
                        .as("entry %s stays inside the folder", e.getName())
                        .isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    private Long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private static void write(String stored, byte[] content) {
        try {
            Path dir = DIR.resolve("files");
            Files.createDirectories(dir);
            Files.write(dir.resolve(stored), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small file that starts like a PDF (the portal checks the type from the content), unique per seed. */
    private static byte[] pdf(int seed, int size) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] head = ("%PDF-1.4\n% drill " + seed + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Path backupDir() {
        return DIR.resolve("backups");
    }
}
