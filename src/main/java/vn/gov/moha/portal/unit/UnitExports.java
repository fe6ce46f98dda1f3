package vn.gov.moha.portal.unit;

import java.util.Locale;
import vn.gov.moha.portal.common.Download;

/** The units grid as Excel, with the screen's search and kind (implemented by the export feature). */
public interface UnitExports {

    Download units(String query, UnitKind kind, Locale locale, Download.Progress progress);
}
