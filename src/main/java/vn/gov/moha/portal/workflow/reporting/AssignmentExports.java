package vn.gov.moha.portal.workflow.reporting;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/**
 * The "Nhiệm vụ" grid as Excel, implemented by the export feature (so that the screen can offer it
 * without this package depending on it), with the screen's filter and reach. {@link MyWorkExports} and
 * {@link ReportingExports} do the same for the other grids here.
 */
public interface AssignmentExports {

    /** "Nhiệm vụ": the assignments of a year, optionally of one task, matching a unit search. */
    Download assignments(int year, Long taskId, String unitQuery, Locale locale, Download.Progress progress);
}
