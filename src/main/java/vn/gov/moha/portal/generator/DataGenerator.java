package vn.gov.moha.portal.generator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.FilesProperties;
import vn.gov.moha.portal.workflow.period.ReportedMonths;

/**
 * Fills the database with years of realistic work through JDBC batches, one calendar week per transaction,
 * restartable from the event log's last GENERATE entry. Why it is built so: docs/decisions/0001-data-generator.md.
 */
@Component
class DataGenerator {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 1, 1);
    static final int FIRST_YEAR = 2024;
    static final int LAST_YEAR = 2026;

    /** What the run is asked to do. {@code stopAfter} > 0 stops after that many weeks, as a kill would. */
    record Settings(Scale scale, long seed, boolean append, LocalDateTime until, String password, int stopAfter) {}

    /** What a run did. */
    record Result(boolean resumed, int firstChunk, int chunksDone, int chunks, Map<String, Long> rows, Duration took) {}

    /** Where a run starts: fresh at week 0, or after the last week an unfinished run wrote. */
    private record Start(RunParameters run, boolean resumed, int firstChunk) {}

    private final DataSource dataSource;
    private final PasswordEncoder encoder;
    private final Path filesDir;
    private final TimeZone jdbcZone;

    DataGenerator(
            DataSource dataSource,
            PasswordEncoder encoder,
            FilesProperties files,
            @Value("${spring.jpa.properties.hibernate.jdbc.time_zone:}") String jdbcZone) {
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.filesDir = files.path();
        // bound as Hibernate binds them, so the event log's hashes match what the portal reads back
        this.jdbcZone = jdbcZone.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(jdbcZone);
    }

    Result run(Settings asked, PrintStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            return run(new Sql(c, jdbcZone), asked, out);
        } catch (SQLException e) {
            throw new IllegalStateException("Generator failed: " + e.getMessage(), e);
        }
    }

    private Result run(Sql sql, Settings asked, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        Start start = start(sql, asked);
        RunParameters run = start.run();
        int chunks = run.weeks();
        out.printf(
                "Generator: %s; seed=%d; until=%s; %s%n",
                run.scale().describe(),
                run.seed(),
                run.until(),
                start.resumed()
                        ? "resuming after week " + start.firstChunk() + " of " + chunks
                        : "fresh run, " + chunks + " weeks");

        Map<String, Long> rows = new LinkedHashMap<>();
        Organisation org = Organisation.setUp(sql, run.scale(), encoder, asked.password(), rows);
        sql.commit();
        sql.resetIdentities();
        Plan plan = new Plan(run, org);
        WeekWriter weeks = new WeekWriter(sql, filesDir, run, org, plan, plan.madeEarlier(sql));
        long expected = plan.expectedReports(chunks);
        out.printf("Expected: about %,d progress reports over %d weeks%n", expected, chunks);

        long reportsBefore = sql.count("select count(*) from progress_report");
        long written = 0;
        long rowsWritten = 0;
        int done = 0;
        long loopStart = System.nanoTime();
        for (int chunk = start.firstChunk(); chunk < chunks; chunk++) {
            Map<String, Long> chunkRows = weeks.write(chunk, chunks);
            sql.commit();
            sql.resetIdentities();
            chunkRows.forEach((table, n) -> rows.merge(table, n, Long::sum));
            written += chunkRows.getOrDefault("progress_report", 0L);
            rowsWritten +=
                    chunkRows.values().stream().mapToLong(Long::longValue).sum();
            done++;
            double seconds = (System.nanoTime() - loopStart) / 1e9;
            long remainingReports = Math.max(0, expected - reportsBefore - written);
            double reportsPerSecond = written / Math.max(seconds, 1e-3);
            out.printf(
                    "[%d/%d] week of %s: %,d reports so far (%,d in this run), %,.0f rows/s, %,.0f reports/s,"
                            + " ETA %s%n",
                    chunk + 1,
                    chunks,
                    FIRST_MONDAY.plusWeeks(chunk),
                    reportsBefore + written,
                    written,
                    rowsWritten / Math.max(seconds, 1e-3),
                    reportsPerSecond,
                    eta(remainingReports / Math.max(reportsPerSecond, 1)));
            if (asked.stopAfter() > 0 && done >= asked.stopAfter()) {
                out.println("Stopped after " + done + " weeks, as asked; run again to go on.");
                break;
            }
        }
        // the dashboard's best percent per month, kept with each assignment: rebuilt from all reports (also
        // after a stopped run, so what is there is always consistent)
        long rebuild = System.nanoTime();
        ReportedMonths.rebuildAll(sql.connection());
        sql.commit();
        out.printf(
                "Best percent per month kept with each assignment, rebuilt in %,d ms%n",
                (System.nanoTime() - rebuild) / 1_000_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println("Rows written per table: " + rows);
        out.printf(
                "Took %s; %,.0f rows/s overall%n",
                took,
                rows.values().stream().mapToLong(Long::longValue).sum() / Math.max(took.toMillis() / 1000.0, 1e-3));
        return new Result(start.resumed(), start.firstChunk(), done, chunks, rows, took);
    }

    /**
     * Resumes the run the event log's last entry says is unfinished, with the parameters it started with;
     * otherwise starts afresh on an empty database (or one with work, when appending). Refuses, changing
     * nothing, a resume at another scale and a fresh run on work without append.
     */
    private Start start(Sql sql, Settings asked) throws SQLException {
        long assignments = sql.count("select count(*) from assignment");
        long reports = sql.count("select count(*) from progress_report");
        Map<String, String> marker = EventChain.lastMarker(sql);
        boolean resume =
                marker != null && Integer.parseInt(marker.get("chunk")) < Integer.parseInt(marker.get("chunks"));
        if (resume && !marker.get("scale").equals(asked.scale().name())) {
            throw new GeneratorException(
                    "Lần sinh dữ liệu quy mô " + marker.get("scale") + " trước đó chưa xong; " + "chạy lại với quy mô "
                            + marker.get("scale") + " để làm tiếp. Không thay đổi gì.",
                    "An earlier run at scale " + marker.get("scale") + " is unfinished; run it again at that scale"
                            + " to finish it. Nothing was changed.");
        }
        if (!resume && assignments + reports > 0 && !asked.append()) {
            throw new GeneratorException(
                    "Cơ sở dữ liệu đã có dữ liệu (" + assignments + " phân công, " + reports
                            + " báo cáo). Không thay đổi gì; muốn thêm vào thì đặt portal.generate.append=true.",
                    "The database is not empty (" + assignments + " assignments, " + reports + " reports). Nothing "
                            + "was changed; to add to it, set portal.generate.append=true.");
        }
        if (resume) {
            return new Start(RunParameters.of(marker), true, Integer.parseInt(marker.get("chunk")));
        }
        long firstAssignment = sql.count("select coalesce(max(id), 0) from assignment") + 1;
        return new Start(
                new RunParameters(
                        asked.scale(), asked.seed(), asked.until().truncatedTo(ChronoUnit.MINUTES), firstAssignment),
                false,
                0);
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
