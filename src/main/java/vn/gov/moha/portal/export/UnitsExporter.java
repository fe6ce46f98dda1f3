package vn.gov.moha.portal.export;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitExports;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;

/** "Đơn vị" as Excel: units as the screen lists them for this search and kind (everyone sees every unit). */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class UnitsExporter implements UnitExports {

    private final UnitService units;
    private final PagedSheet sheet;

    UnitsExporter(UnitService units, PagedSheet sheet) {
        this.units = units;
        this.sheet = sheet;
    }

    @Override
    public Download units(String query, UnitKind kind, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        List<OrgUnit> rows = units.search(query, kind);
        List<Xlsx.Column> columns = List.of(
                x.col("unit.code", Xlsx.Type.TEXT, 12),
                x.col("unit.name", Xlsx.Type.TEXT, 50),
                x.col("unit.kind", Xlsx.Type.TEXT, 26),
                x.col("unit.validFrom", Xlsx.Type.DATE, 14),
                x.col("unit.validTo", Xlsx.Type.DATE, 14),
                x.col("unit.successor", Xlsx.Type.TEXT, 40));
        List<Object[]> filters = List.of(
                x.line("export.filter.unitSearch", PagedSheet.blankAsAll(query, x)),
                x.line("unit.kind", kind == null ? x.t("unit.kind.all") : x.t(kind.translationKey())));
        return sheet.rows(
                new PagedSheet.Grid(x, "nav.units", "don-vi", columns, filters),
                rows,
                u -> new Object[] {
                    u.getCode(),
                    u.name(x.english()),
                    x.t(u.getKind().translationKey()),
                    u.getValidFrom(),
                    u.getValidTo(),
                    u.getSuccessor() == null ? null : u.getSuccessor().name(x.english())
                },
                progress);
    }
}
