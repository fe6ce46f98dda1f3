package vn.gov.moha.portal.workflow.period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each assignment's best percent complete reported per month, kept in {@code assignment.reported_months}
 * ({@code 2024-03=20;2024-04=35}) for the dashboard. Why, and when it is rewritten:
 * docs/decisions/0005-reported-months.md.
 */
@Component
public class ReportedMonths {

    /** The reports that count: sent or approved, as on the dashboard. */
    private static final String COUNTED = "select assignment_id, submitted_at, percent_complete from progress_report"
            + " where status in ('SUBMITTED', 'APPROVED') and submitted_at is not null";

    private final JdbcTemplate jdbc;

    ReportedMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites one assignment's months from its reports, in the caller's transaction (3 statements). */
    public void refresh(long assignmentId) {
        jdbc.queryForList("select id from assignment where id = ? for update", Long.class, assignmentId);
        Map<Long, SortedMap<YearMonth, Integer>> best = new HashMap<>();
        jdbc.query(
                COUNTED + " and assignment_id = ?",
                rs -> {
                    add(best, rs);
                },
                assignmentId);
        jdbc.update(
                "update assignment set reported_months = ? where id = ?",
                format(best.getOrDefault(assignmentId, new TreeMap<>())),
                assignmentId);
    }

    /** Rewrites every assignment's months from all reports, on the given connection (its transaction). */
    public static void rebuildAll(Connection c) throws SQLException {
        Map<Long, SortedMap<YearMonth, Integer>> best = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COUNTED)) {
            ps.setFetchSize(10_000); // PostgreSQL streams the rows instead of holding them all (outside autocommit)
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(best, rs);
                }
            }
        }
        try (Statement clear = c.createStatement()) {
            clear.executeUpdate("update assignment set reported_months = null where reported_months is not null");
        }
        try (PreparedStatement ps = c.prepareStatement("update assignment set reported_months = ? where id = ?")) {
            int batched = 0;
            for (Map.Entry<Long, SortedMap<YearMonth, Integer>> e : best.entrySet()) {
                ps.setString(1, format(e.getValue()));
                ps.setLong(2, e.getKey());
                ps.addBatch();
                if (++batched % 1_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void add(Map<Long, SortedMap<YearMonth, Integer>> best, ResultSet rs) throws SQLException {
        LocalDateTime sent = rs.getObject(2, LocalDateTime.class);
        best.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).merge(YearMonth.from(sent), rs.getInt(3), Math::max);
    }

    /** {@code 2024-03=20;2024-04=35}, months in order; null for none. */
    static @Nullable String format(SortedMap<YearMonth, Integer> best) {
        if (best.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        best.forEach((month, percent) ->
                s.append(s.isEmpty() ? "" : ";").append(month).append('=').append(percent));
        return s.toString();
    }

    /** What {@link #each} hands over: a month (year * 12 + month) and the best percent reported in it. */
    @FunctionalInterface
    public interface MonthPercent {
        void accept(int month, int percent);
    }

    /**
     * Hands over each month of a {@code reported_months} text (none for null), in order, as year * 12 +
     * month. Read by hand: the dashboard reads thousands of these per call, and {@code YearMonth.parse}
     * on each month took most of its time.
     */
    public static void each(String text, MonthPercent to) {
        if (text == null) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            int end = text.indexOf(';', eq);
            if (end < 0) {
                end = text.length();
            }
            int dash = text.indexOf('-', i);
            int month = Integer.parseInt(text, i, dash, 10) * 12 + Integer.parseInt(text, dash + 1, eq, 10);
            to.accept(month, Integer.parseInt(text, eq + 1, end, 10));
            i = end + 1;
        }
    }
}
