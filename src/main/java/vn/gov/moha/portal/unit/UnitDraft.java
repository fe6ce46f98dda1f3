package vn.gov.moha.portal.unit;

import java.time.LocalDate;

/** What a screen sends to create or change a unit; {@code id} is null for a new one. */
public record UnitDraft(Long id, String code, String nameVi, String nameEn, UnitKind kind, Long parentId,
                        Long successorId, LocalDate validFrom, LocalDate validTo) {

    public static UnitDraft of(OrgUnit u) {
        return new UnitDraft(u.getId(), u.getCode(), u.getNameVi(), u.getNameEn(), u.getKind(),
                u.getParent() == null ? null : u.getParent().getId(),
                u.getSuccessor() == null ? null : u.getSuccessor().getId(), u.getValidFrom(), u.getValidTo());
    }
}
