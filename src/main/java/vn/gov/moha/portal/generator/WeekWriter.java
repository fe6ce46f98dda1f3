package vn.gov.moha.portal.generator;

import static vn.gov.moha.portal.generator.DataGenerator.FIRST_MONDAY;
import static vn.gov.moha.portal.generator.DataGenerator.FIRST_YEAR;
import static vn.gov.moha.portal.generator.DataGenerator.LAST_YEAR;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.gov.moha.portal.generator.Plan.PlannedAssignment;

/**
 * What happens in each calendar week of a run: a programme year's assignments in the week of 2 January, the
 * reports due and the extension requests of the assignments made before, all in one {@link WeekBatch}.
 */
final class WeekWriter {

    private final Sql sql;
    private final Path filesDir;
    private final RunParameters run;
    private final Plan plan;
    /** The assignments made in earlier weeks, in the order they were made. */
    private final List<PlannedAssignment> active;

    private final AssignmentRows assignments;
    private final ReportRows reports;
    private final ExtensionRows extensions;

    WeekWriter(
            Sql sql,
            Path filesDir,
            RunParameters run,
            Organisation org,
            Plan plan,
            List<PlannedAssignment> madeEarlier) {
        this.sql = sql;
        this.filesDir = filesDir;
        this.run = run;
        this.plan = plan;
        this.active = madeEarlier;
        this.assignments = new AssignmentRows(sql, org, plan);
        this.reports = new ReportRows(run, org, plan);
        this.extensions = new ExtensionRows(org, plan, run.until());
    }

    /** Writes week {@code chunk} (from 0) of {@code chunks}, uncommitted; returns the rows per table. */
    Map<String, Long> write(int chunk, int chunks) throws SQLException {
        LocalDate monday = FIRST_MONDAY.plusWeeks(chunk);
        WeekBatch b = new WeekBatch(sql, filesDir);
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            if (Plan.creationChunk(year) == chunk) {
                List<PlannedAssignment> made = assignments.assign(year, b);
                b.afterWrite(() -> active.addAll(made)); // they report from the next week on
            }
        }
        for (PlannedAssignment a : active) {
            int n = plan.reportNumber(a, chunk);
            if (n >= 0) {
                reports.add(a, n, chunk, monday, b);
            }
            if (a.profile.extensionAt() >= 0
                    && chunk == a.createdChunk + a.profile.startOffset() + a.profile.extensionAt()) {
                extensions.add(a, monday, b);
            }
        }
        return b.write(chunk, run.marker(chunk, chunks));
    }
}
