package vn.gov.moha.portal.workflow.period;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * {@code assignment.reported_months}: each assignment's best percent reported per month, filled from the
 * reports already there (see {@link ReportedMonths}). In Java because the text is built the same way as
 * when a report changes, which plain SQL could not do alike on H2 and PostgreSQL.
 *
 * <p>And an index on the assignments' reporting period: the dashboard's "units that have not reported"
 * joins the periods to the ongoing assignments of their kind, and without it H2 read every assignment
 * once per period (69,300 rows for 4 periods at 17,028 assignments) to find them.
 */
@Component
public class V12__ReportedMonths extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table assignment add column reported_months varchar(20000)");
            s.execute("create index ix_assignment_reporting_period on assignment (reporting_period)");
        }
        ReportedMonths.rebuildAll(context.getConnection());
    }
}
