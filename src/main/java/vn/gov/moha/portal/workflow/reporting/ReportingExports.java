package vn.gov.moha.portal.workflow.reporting;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** "Báo cáo định kỳ" as Excel: the rows of the filter, with the screen's reach (implemented by the export feature). */
public interface ReportingExports {

    Download reporting(ReportingFilter filter, Locale locale, Download.Progress progress);
}
