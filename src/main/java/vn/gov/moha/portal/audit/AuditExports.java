package vn.gov.moha.portal.audit;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The event log as Excel, with the screen's filters (implemented by the export feature). */
public interface AuditExports {

    Download events(String actor, String action, Locale locale, Download.Progress progress);
}
