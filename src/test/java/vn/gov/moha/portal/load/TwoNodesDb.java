package vn.gov.moha.portal.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The database side of scripts/two-nodes.sh, run with the test class path (no psql needed):
 * <ul>
 * <li>{@code start PORT DIR}: one PostgreSQL 17 (zonky's embedded binaries, as the tests use) on
 * 127.0.0.1:PORT with its data in DIR, kept between runs, until this process is stopped;</li>
 * <li>{@code mark JDBC_URL FILE}: writes the highest ids of reports, decisions and events before a load run;</li>
 * <li>{@code check JDBC_URL MARK_FILE ACTIONS_FILE}: after the run, how many of the actions the load test
 * saw confirmed ({@link PortalSimulation}, {@code load.actions}) are in the database, and duplicates.</li>
 * <li>{@code copy JDBC_URL FROM TO}: database TO made anew as a copy of database FROM (scripts/bench-load.sh
 * with DB=pg: each population starts from the same demo data).</li>
 * </ul>
 */
public final class TwoNodesDb {

    private TwoNodesDb() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "start" -> start(Integer.parseInt(args[1]), Path.of(args[2]));
            case "mark" -> mark(args[1], Path.of(args[2]));
            case "check" -> check(args[1], Path.of(args[2]), Path.of(args[3]));
            case "copy" -> copy(args[1], args[2], args[3]);
            default ->
                throw new IllegalArgumentException(
                        "start PORT DIR | mark URL FILE | check URL MARK ACTIONS | copy URL FROM TO");
        }
    }

    private static void copy(String url, String from, String to) throws SQLException {
        if (!from.matches("\\w+") || !to.matches("\\w+")) {
            throw new IllegalArgumentException("database names are letters, digits and _: " + from + ", " + to);
        }
        try (Connection c = connect(url);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + to + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + to + " TEMPLATE " + from);
        }
        System.out.println("[db] database " + to + " copied from " + from);
    }

    private static void start(int port, Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.out.println("[db] stopping PostgreSQL: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("[db] PostgreSQL 17 ready: " + pg.getJdbcUrl("postgres", "postgres"));
        stopped.await();
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection(url, p);
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void mark(String url, Path file) throws Exception {
        try (Connection c = connect(url)) {
            String marks = one(c, "select coalesce(max(id), 0) from progress_report") + " "
                    + one(c, "select coalesce(max(id), 0) from approval_decision") + " "
                    + one(c, "select coalesce(max(id), 0) from event_log");
            Files.writeString(file, marks);
            System.out.println("[db] before the run: highest report, decision, event ids " + marks);
        }
    }

    /**
     * Lines of the actions file: {@code SUBMIT_NEW <assignment> <user>}, {@code SUBMIT_RETURNED <report> <user>},
     * {@code APPROVE <report> <user>}, each written when the portal showed the user its confirmation.
     */
    private static void check(String url, Path markFile, Path actionsFile) throws Exception {
        String[] m = Files.readString(markFile).trim().split(" ");
        long reportMark = Long.parseLong(m[0]);
        long decisionMark = Long.parseLong(m[1]);
        long eventMark = Long.parseLong(m[2]);
        List<String[]> actions = new ArrayList<>();
        for (String line : Files.readAllLines(actionsFile)) {
            if (!line.isBlank()) {
                actions.add(line.trim().split(" "));
            }
        }
        Map<String, Integer> confirmedTwice = new HashMap<>();
        Map<String, Integer> newPerAssignment = new HashMap<>();
        Map<String, Integer> returnedPerReport = new HashMap<>();
        int found = 0;
        int missing = 0;
        try (Connection c = connect(url)) {
            for (String[] a : actions) {
                confirmedTwice.merge(String.join(" ", a), 1, Integer::sum);
                switch (a[0]) {
                    case "SUBMIT_NEW" -> newPerAssignment.merge(a[1] + " " + a[2], 1, Integer::sum);
                    case "SUBMIT_RETURNED" -> returnedPerReport.merge(a[1] + " " + a[2], 1, Integer::sum);
                    case "APPROVE" -> {
                        boolean there = count(
                                        c,
                                        "select count(*) from approval_decision d join app_user u on "
                                                + "u.id = d.decided_by where d.id > ? and d.report_id = ? and u.username = ? "
                                                + "and d.decision = 'APPROVED'",
                                        decisionMark,
                                        Long.parseLong(a[1]),
                                        a[2])
                                > 0;
                        if (there) {
                            found++;
                        } else {
                            missing++;
                            System.out.println("[db] confirmed but not found: " + String.join(" ", a));
                        }
                    }
                    default -> throw new IllegalStateException("unknown action " + String.join(" ", a));
                }
            }
            // a new report: the reports of that assignment submitted by that person since the mark
            for (var e : newPerAssignment.entrySet()) {
                String[] k = e.getKey().split(" ");
                long inDb = count(
                        c,
                        "select count(*) from progress_report r join app_user u on u.id = r.submitted_by "
                                + "where r.id > ? and r.assignment_id = ? and u.username = ?",
                        reportMark,
                        Long.parseLong(k[0]),
                        k[1]);
                found += (int) Math.min(inDb, e.getValue());
                missing += (int) Math.max(0, e.getValue() - inDb);
                if (inDb < e.getValue()) {
                    System.out.println(
                            "[db] confirmed but not found: SUBMIT_NEW " + e.getKey() + " x" + (e.getValue() - inDb));
                }
            }
            // a returned report sent again: its REPORT_SUBMIT events since the mark
            for (var e : returnedPerReport.entrySet()) {
                String[] k = e.getKey().split(" ");
                long inDb = count(
                        c,
                        "select count(*) from event_log where id > ? and action = 'REPORT_SUBMIT' "
                                + "and entity_id = ? and actor = ?",
                        eventMark,
                        Long.parseLong(k[0]),
                        k[1]);
                found += (int) Math.min(inDb, e.getValue());
                missing += (int) Math.max(0, e.getValue() - inDb);
            }
            long twoDecisionsOnAStep = one(
                    c,
                    "select count(*) from (select report_id from approval_decision "
                            + "group by report_id, round, step_order having count(*) > 1) d");
            long twoOpenReports = one(
                    c,
                    "select count(*) from (select assignment_id from progress_report where "
                            + "status in ('SUBMITTED', 'RETURNED') group by assignment_id having count(*) > 1) r");
            long submitsTwiceInARound = one(
                    c,
                    "select count(*) from (select entity_id from event_log where id > " + eventMark
                            + " and action = 'REPORT_SUBMIT' group by entity_id, after_value having count(*) > 1) e");
            long reportsInDb = one(
                    c, "select count(*) from progress_report where submitted_at is not null and id > " + reportMark);
            long decisionsInDb = one(c, "select count(*) from approval_decision where id > " + decisionMark);
            Set<String> twice = new HashSet<>();
            confirmedTwice.forEach((k, v) -> {
                if (v > 1 && !k.startsWith("SUBMIT_NEW")) { // a new report each time on one assignment is normal
                    twice.add(k);
                }
            });
            System.out.printf(
                    "[db] confirmed actions %d: found in the database %d, missing %d%n",
                    actions.size(), found, missing);
            System.out.printf(
                    "[db] written during the run: %d new reports submitted, %d approval decisions%n",
                    reportsInDb, decisionsInDb);
            System.out.printf(
                    "[db] duplicates: two decisions on one step %d, assignments with two reports waiting "
                            + "%d, one report submitted twice in one round %d, one approval confirmed twice %d%n",
                    twoDecisionsOnAStep, twoOpenReports, submitsTwiceInARound, twice.size());
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
