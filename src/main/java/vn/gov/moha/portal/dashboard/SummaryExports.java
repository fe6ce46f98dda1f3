package vn.gov.moha.portal.dashboard;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The leader's PDF summary of the dashboard (implemented by the export feature). */
public interface SummaryExports {

    Download summary(DashboardFilter filter, Locale locale, Download.Progress progress);

    /** Whether the caller may take the PDF summary (leaders, managers, a unit's staff). */
    boolean canTakeSummary();
}
