package vn.gov.moha.portal.assignment;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * {@code assignment.reported_months}: each assignment's best percent reported per month, filled from the
 * reports already there (see {@link ReportedMonths}). In Java because the text is built the same way as
 * when a report changes, which plain SQL could not do alike on H2 and PostgreSQL.
 */
@Component
public class V12__ReportedMonths extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table assignment add column reported_months varchar(20000)");
        }
        ReportedMonths.rebuildAll(context.getConnection());
    }
}
