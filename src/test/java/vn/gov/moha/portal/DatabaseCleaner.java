package vn.gov.moha.portal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties every table of the schema but the reference data the portal writes at start-up, children before the
 * tables they reference (read from the JDBC metadata, so it works on H2 and PostgreSQL and follows new tables).
 */
public class DatabaseCleaner {

    /**
     * Kept: Flyway's history, and what Flyway's migrations, the shipped calendars and the demo accounts write
     * before the first test (units, accounts and their roles, tasks, programme years, the approval chain).
     * A test that changes one of these puts it back itself. The event chain's head is reset, not emptied.
     */
    static final Set<String> KEPT = Set.of(
            "flyway_schema_history",
            "org_unit",
            "app_user",
            "app_user_role",
            "priority_task",
            "programme_year",
            "approval_step",
            "calendar_year",
            "calendar_day",
            "event_chain_head");

    private final JdbcTemplate jdbc;
    private volatile List<String> deleteOrder;

    DatabaseCleaner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A database as the portal has it right after its start: reference data only, and an empty event chain. */
    public void clean() {
        for (String table : deleteOrder()) {
            jdbc.update("delete from " + table);
        }
        jdbc.update("update event_chain_head set last_hash = ?, last_id = 0", "0".repeat(64));
    }

    /** The tables emptied, each after every table that references it. */
    List<String> deleteOrder() {
        if (deleteOrder == null) {
            deleteOrder = jdbc.execute((Connection connection) -> readOrder(connection));
        }
        return deleteOrder;
    }

    private static List<String> readOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type))
                        && !KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        Map<String, Set<String>> referencedBy = new HashMap<>();
        for (String table : tables) {
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        referencedBy
                                .computeIfAbsent(parent, p -> new HashSet<>())
                                .add(table);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            List<String> free = left.stream()
                    .filter(t -> referencedBy.getOrDefault(t, Set.of()).stream().noneMatch(left::contains))
                    .toList();
            if (free.isEmpty()) {
                throw new IllegalStateException("Foreign keys in a cycle, no order to empty: " + left);
            }
            order.addAll(free);
            free.forEach(left::remove);
        }
        return List.copyOf(order);
    }

    /** The {@link PortalTest} hook: cleans before each test (and before its {@code @BeforeEach} methods). */
    static class BeforeEachTest implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            PortalTest test =
                    AnnotatedElementUtils.findMergedAnnotation(context.getRequiredTestClass(), PortalTest.class);
            if (test == null || test.cleanDatabase()) {
                SpringExtension.getApplicationContext(context)
                        .getBean(DatabaseCleaner.class)
                        .clean();
            }
        }
    }
}
