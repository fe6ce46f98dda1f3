package vn.gov.moha.portal.user;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The accounts grid as Excel, with the screen's search (implemented by the export feature; ADMIN only). */
public interface UserExports {

    Download users(String query, Locale locale, Download.Progress progress);
}
