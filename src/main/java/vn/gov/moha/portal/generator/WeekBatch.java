package vn.gov.moha.portal.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.moha.portal.generator.EventChain.Event;

/**
 * The rows of one calendar week, collected by the row writers and then written in one transaction (the
 * caller commits): a killed run leaves whole weeks, each ending with its GENERATE marker.
 */
final class WeekBatch {

    /** The insert of each table, in the order the tables are written (parents before children). */
    private static final Map<String, String> INSERTS = new LinkedHashMap<>();

    static {
        INSERTS.put(
                "assignment",
                "insert into assignment (id, task_id, lead_unit_id, deadline, reporting_period, "
                        + "expected_output, instructions, leader_id, percent_complete, completed_on, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "indicator",
                "insert into indicator (id, assignment_id, position, name, unit_of_measure, "
                        + "target) values (?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "assignment_coordinator",
                "insert into assignment_coordinator (assignment_id, unit_id) " + "values (?, ?)");
        INSERTS.put(
                "deadline_change",
                "insert into deadline_change (id, assignment_id, old_deadline, "
                        + "new_deadline, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "progress_report",
                "insert into progress_report (id, version, assignment_id, unit_id, "
                        + "percent_complete, confidence, narrative, status, round, current_step, created_by, created_at, "
                        + "submitted_by, submitted_at, period_key, period_start, period_end, first_submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "indicator_value",
                "insert into indicator_value (report_id, indicator_id, reported) " + "values (?, ?, ?)");
        INSERTS.put(
                "evidence_file",
                "insert into evidence_file (id, report_id, original_name, stored_name, "
                        + "content_type, size_bytes, sha256, uploaded_by, uploaded_at, removed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "approval_decision",
                "insert into approval_decision (id, report_id, round, step_order, role, "
                        + "decision, comment, decided_by, submitted_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "extension_request",
                "insert into extension_request (id, version, assignment_id, "
                        + "current_deadline, requested_deadline, reason, status, requested_by, requested_at, decided_by, "
                        + "decided_at, decision_comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "contribution",
                "insert into contribution (id, assignment_id, unit_id, text, author_id, "
                        + "created_at) values (?, ?, ?, ?, ?, ?)");
        INSERTS.put(
                "event_log",
                "insert into event_log (id, occurred_at, actor, actor_role, action, entity_type, "
                        + "entity_id, assignment_id, before_value, after_value, prev_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private final Sql sql;
    private final Path filesDir;
    private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();
    private final Map<String, Long> nextIds = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, Object[]> progress = new LinkedHashMap<>();
    private final Map<Long, LocalDate> deadlines = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<Runnable> afterWrite = new ArrayList<>();

    WeekBatch(Sql sql, Path filesDir) {
        this.sql = sql;
        this.filesDir = filesDir;
        INSERTS.keySet().forEach(t -> tables.put(t, new ArrayList<>()));
    }

    /** The next id of the table: the generator hands ids out itself so that rows can refer to each other. */
    long next(String table) {
        return nextIds.compute(table, (t, last) -> {
            try {
                return (last == null ? sql.count("select coalesce(max(id), 0) from " + t) : last) + 1;
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

    /** The assignment's percent complete and completion day, as its last approved report left them. */
    void progress(long assignmentId, int percent, LocalDate completed) {
        progress.put(assignmentId, new Object[] {percent, completed == null ? Sql.NO_DATE : completed, assignmentId});
    }

    void deadline(long assignmentId, LocalDate deadline) {
        deadlines.put(assignmentId, deadline);
    }

    void file(String stored, byte[] content) {
        files.put(stored, content);
    }

    /** Runs once the week's rows are written (what later weeks need of this one). */
    void afterWrite(Runnable r) {
        afterWrite.add(r);
    }

    /** Writes the files, then the rows with the week's event log ending in {@code marker}; rows per table. */
    Map<String, Long> write(int chunk, String marker) throws SQLException {
        writeFiles();
        EventChain.Head head = EventChain.append(sql, events, chunk, marker, tables.get("event_log"));
        Map<String, Long> written = new LinkedHashMap<>();
        for (var table : tables.entrySet()) {
            sql.batch(INSERTS.get(table.getKey()), table.getValue());
            if (!table.getValue().isEmpty()) {
                written.put(table.getKey(), (long) table.getValue().size());
            }
        }
        sql.batch(
                "update assignment set percent_complete = ?, completed_on = ? where id = ?",
                new ArrayList<>(progress.values()));
        List<Object[]> moved = new ArrayList<>();
        deadlines.forEach((assignment, deadline) -> moved.add(new Object[] {deadline, assignment}));
        sql.batch("update assignment set deadline = ? where id = ?", moved);
        sql.update("update event_chain_head set last_hash = ?, last_id = ? where id = 1", head.hash(), head.id());
        afterWrite.forEach(Runnable::run);
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
