package vn.gov.moha.portal.referencedata;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The units of 2025 on databases old and new: Thừa Thiên Huế became Thành phố Huế on 1/1/2025
 * (Resolution 175/2024/QH15), not on 1/7/2025 as the first reference data had it; and the ministry's
 * departments after 1/3/2025 (Decree 25/2025/NĐ-CP), as {@code db/data/ministry-units.csv} dates them
 * with its sources. Each step only fills what is missing, so a department an ADMIN already ended or
 * created by hand keeps what the ADMIN set; the units' names are never changed, so the work of 2024
 * keeps the names of 2024.
 */
@Component
public class V23__Units2025 extends BaseJavaMigration {

    static final LocalDate HUE_CITY_FROM = LocalDate.of(2025, 1, 1);

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        datesOfHue(db);
        ministry2025(db);
    }

    /** The province's 46 ends on 31/12/2024 and the city, its successor, starts on 1/1/2025. */
    private static void datesOfHue(Connection db) throws SQLException {
        Long city = idOf(db, "SNV-46-25");
        if (city == null) {
            return;
        }
        try (PreparedStatement ps = db.prepareStatement("update org_unit set valid_from = ? where id = ?")) {
            ps.setDate(1, Date.valueOf(HUE_CITY_FROM));
            ps.setLong(2, city);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                db.prepareStatement("update org_unit set valid_to = ? where code = 'SNV-46' and successor_id = ?")) {
            ps.setDate(1, Date.valueOf(HUE_CITY_FROM.minusDays(1)));
            ps.setLong(2, city);
            ps.executeUpdate();
        }
    }

    private static void ministry2025(Connection db) throws Exception {
        for (CSVRecord r : V1_1__ReferenceData.read("db/data/ministry-units.csv")) {
            String from = r.get("valid_from");
            if (!from.isBlank() && idOf(db, r.get("code")) == null) {
                String parent = r.get("parent_code");
                V1_1__ReferenceData.insertUnit(
                        db,
                        r.get("code"),
                        r.get("name_vi"),
                        r.get("name_en"),
                        r.get("kind"),
                        parent.isBlank() ? null : idOf(db, parent),
                        LocalDate.parse(from));
            }
        }
        for (CSVRecord r : V1_1__ReferenceData.read("db/data/ministry-units.csv")) {
            String to = r.get("valid_to");
            if (to.isBlank()) {
                continue;
            }
            String successorCode = r.get("successor_code");
            Long successor = successorCode.isBlank() ? null : idOf(db, successorCode);
            try (PreparedStatement ps = db.prepareStatement("update org_unit set valid_to = ?, successor_id = ?, "
                    + "version = version + 1 where code = ? and valid_to is null")) {
                ps.setDate(1, Date.valueOf(LocalDate.parse(to)));
                if (successor == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, successor);
                }
                ps.setString(3, r.get("code"));
                ps.executeUpdate();
            }
        }
    }

    private static @Nullable Long idOf(Connection db, String code) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select id from org_unit where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
