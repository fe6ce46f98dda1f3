package vn.gov.moha.portal.generator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/** The generator's one connection: batches, single statements and look-ups, with its own transaction. */
final class Sql {

    /** A typed SQL null (PostgreSQL wants to know the type). */
    record Null(int sqlType) {}

    static final Null NO_LONG = new Null(Types.BIGINT);
    static final Null NO_TEXT = new Null(Types.VARCHAR);
    static final Null NO_TIME = new Null(Types.TIMESTAMP);
    static final Null NO_DATE = new Null(Types.DATE);

    /** Reads one row of a result. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The tables whose ids the generator hands out itself, then moves the identity past. */
    private static final List<String> ID_TABLES = List.of(
            "assignment",
            "indicator",
            "deadline_change",
            "progress_report",
            "evidence_file",
            "approval_decision",
            "extension_request",
            "contribution",
            "event_log");

    private final Connection c;
    private final boolean postgres;
    /** Times bound as Hibernate binds them, so the event log's hashes match what the portal reads back. */
    private final Calendar zone;

    Sql(Connection c, TimeZone jdbcZone) throws SQLException {
        this.c = c;
        this.postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        this.zone = Calendar.getInstance(jdbcZone);
    }

    /** For the portal's own bulk code that works on a connection (its transaction). */
    Connection connection() {
        return c;
    }

    void commit() throws SQLException {
        c.commit();
    }

    /** One statement for many rows, sent 2,000 at a time. */
    void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            ps.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Long findLong(String sql, Object... values) throws SQLException {
        return first(sql, rs -> rs.getLong(1), values);
    }

    /** The first row read, or null when there is none. */
    <T> T first(String sql, RowReader<T> reader, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        }
    }

    /** Every row, in the order the query gives. */
    void each(String sql, RowReader<?> reader, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column, zone);
        return d == null ? null : d.toLocalDate();
    }

    /** After a commit: the tables' own id generators continue past what the generator wrote. */
    void resetIdentities() throws SQLException {
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
}
