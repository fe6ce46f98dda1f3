package vn.gov.moha.portal.workflow.reporting;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/**
 * Excel exports of this feature's grids, implemented by the export feature (so that the screens
 * here can offer them without this package depending on it). Each takes the filter the screen
 * shows and applies the same reach as the screen.
 */
public interface AssignmentExports {

    /** "Nhiệm vụ": the assignments of a year, optionally of one task, matching a unit search. */
    Download assignments(int year, Long taskId, String unitQuery, Locale locale, Download.Progress progress);

    /** "Việc cần xử lý": what waits for the caller. */
    Download myWork(Locale locale, Download.Progress progress);

    /** "Báo cáo định kỳ": the rows of the filter. */
    Download reporting(ReportingFilter filter, Locale locale, Download.Progress progress);
}
