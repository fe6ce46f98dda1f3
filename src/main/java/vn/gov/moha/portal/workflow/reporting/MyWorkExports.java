package vn.gov.moha.portal.workflow.reporting;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** "Việc cần xử lý" as Excel: what waits for the caller (implemented by the export feature). */
public interface MyWorkExports {

    Download myWork(Locale locale, Download.Progress progress);
}
