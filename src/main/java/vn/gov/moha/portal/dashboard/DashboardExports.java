package vn.gov.moha.portal.dashboard;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The dashboard's exports (implemented by the export feature): the matrix as Excel, the leader's PDF summary. */
public interface DashboardExports {

    Download matrix(DashboardFilter filter, boolean onlyUnitsWithCells, Locale locale, Download.Progress progress);

    Download summary(DashboardFilter filter, Locale locale, Download.Progress progress);

    /** Whether the caller may take the PDF summary (leaders, managers, a unit's staff). */
    boolean canTakeSummary();
}
