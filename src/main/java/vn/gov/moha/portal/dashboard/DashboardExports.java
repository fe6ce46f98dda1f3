package vn.gov.moha.portal.dashboard;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The dashboard's matrix as Excel (implemented by the export feature); the PDF is {@link SummaryExports}. */
public interface DashboardExports {

    Download matrix(DashboardFilter filter, boolean onlyUnitsWithCells, Locale locale, Download.Progress progress);
}
