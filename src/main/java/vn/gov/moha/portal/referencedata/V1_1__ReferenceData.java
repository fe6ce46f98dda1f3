package vn.gov.moha.portal.referencedata;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.SearchText;

/**
 * Fills the reference data from the files in {@code db/data/}: the ministry and its departments,
 * the 63 provincial Departments of Home Affairs of 2024 with their successors of 1/7/2025, and the
 * ten priority tasks of 2024. The data lives in those files, not here; ADMIN edits it afterwards.
 */
@Component
public class V1_1__ReferenceData extends BaseJavaMigration {

    /** Units in the portal are valid from the first programme year. */
    static final LocalDate PORTAL_START = LocalDate.of(2024, 1, 1);
    /** Last day of the 63 provinces (Resolution 202/2025/QH15, to verify): the 34 start on 1/7/2025. */
    static final LocalDate LAST_DAY_OF_63 = LocalDate.of(2025, 6, 30);

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord r : read("db/data/ministry-units.csv")) {
            if (!r.get("valid_from").isBlank()) {
                continue; // a department of 2025 or later: V23__Units2025 adds it, on new and old databases alike
            }
            String parent = r.get("parent_code");
            ids.put(
                    r.get("code"),
                    insertUnit(
                            db,
                            r.get("code"),
                            r.get("name_vi"),
                            r.get("name_en"),
                            r.get("kind"),
                            parent.isBlank() ? null : ids.get(parent),
                            PORTAL_START));
        }

        List<CSVRecord> provinces = read("db/data/provinces-2024.csv");
        Map<String, Long> provinceByName = new HashMap<>();
        for (CSVRecord r : provinces) {
            String name = r.get("name_vi");
            long id = insertUnit(
                    db, "SNV-" + r.get("code"), unitName(name), englishName(name), "PROVINCE", null, PORTAL_START);
            provinceByName.put(name, id);
        }
        try (PreparedStatement end =
                db.prepareStatement("update org_unit set valid_to = ?, successor_id = ? where id = ?")) {
            for (CSVRecord r : provinces) {
                String name = r.get("name_vi");
                String successor = r.get("successor_from_2025_07_01");
                if (!successor.equals(name)) {
                    Long successorId = provinceByName.get(successor);
                    if (successorId == null) {
                        // a renamed province (Thừa Thiên Huế became Thành phố Huế): a new unit, dated
                        // 1/1/2025 by V23__Units2025 (Resolution 175/2024/QH15)
                        successorId = insertUnit(
                                db,
                                "SNV-" + r.get("code") + "-25",
                                unitName(successor),
                                englishName(successor),
                                "PROVINCE",
                                null,
                                LAST_DAY_OF_63.plusDays(1));
                        provinceByName.put(successor, successorId);
                    }
                    end.setDate(1, Date.valueOf(LAST_DAY_OF_63));
                    end.setLong(2, successorId);
                    end.setLong(3, provinceByName.get(name));
                    end.executeUpdate();
                }
            }
        }

        for (CSVRecord r : read("db/data/priority-tasks-2024.csv")) {
            int year = Integer.parseInt(r.get("programme_year"));
            ensureYear(db, year);
            Long lead = ids.get(r.get("lead_unit_code"));
            if (lead == null) {
                throw new IllegalStateException("Unknown lead unit " + r.get("lead_unit_code"));
            }
            try (PreparedStatement ps = db.prepareStatement("insert into priority_task (programme_year, number, "
                    + "title_vi, title_en, description, lead_unit_id, search_text) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, year);
                ps.setInt(2, Integer.parseInt(r.get("number")));
                ps.setString(3, r.get("title_vi"));
                ps.setString(4, r.get("title_en"));
                ps.setString(5, r.get("description"));
                ps.setLong(6, lead);
                ps.setString(
                        7, SearchText.of(r.get("number"), r.get("title_vi"), r.get("title_en"), unitNameOf(db, lead)));
                ps.executeUpdate();
            }
        }
    }

    /** "Thành phố Hà Nội" gives "Sở Nội vụ thành phố Hà Nội"; "Lâm Đồng" gives "Sở Nội vụ tỉnh Lâm Đồng". */
    static String unitName(String province) {
        return province.startsWith("Thành phố ")
                ? "Sở Nội vụ thành phố " + province.substring("Thành phố ".length())
                : "Sở Nội vụ tỉnh " + province;
    }

    static String englishName(String province) {
        return province.startsWith("Thành phố ")
                ? province.substring("Thành phố ".length()) + " City Department of Home Affairs"
                : province + " Department of Home Affairs";
    }

    static long insertUnit(
            Connection db, String code, String nameVi, String nameEn, String kind, Long parent, LocalDate validFrom)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert into org_unit (code, name_vi, name_en, kind, "
                        + "parent_id, valid_from, search_text) values (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, code);
            ps.setString(2, nameVi);
            ps.setString(3, nameEn);
            ps.setString(4, kind);
            if (parent == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, parent);
            }
            ps.setDate(6, Date.valueOf(validFrom));
            ps.setString(7, SearchText.of(code, nameVi, nameEn));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String unitNameOf(Connection db, long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select name_vi from org_unit where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void ensureYear(Connection db, int year) throws SQLException {
        try (PreparedStatement check =
                db.prepareStatement("select count(*) from programme_year where programme_year = ?")) {
            check.setInt(1, year);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement ps =
                db.prepareStatement("insert into programme_year (programme_year, opened_at) values (?, ?)")) {
            ps.setInt(1, year);
            ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
            ps.executeUpdate();
        }
    }

    static List<CSVRecord> read(String path) throws IOException {
        try (Reader in = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .setTrim(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
