package vn.gov.moha.portal.workflow.period;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills {@code assignment.reported_months} from the reports already there, in Java to build the text as
 * {@link ReportedMonths} does, and indexes the assignments' reporting period: docs/decisions/0005-reported-months.md.
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
