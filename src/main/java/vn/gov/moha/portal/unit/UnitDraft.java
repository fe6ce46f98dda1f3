package vn.gov.moha.portal.unit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a screen sends to create or change a unit; {@code id} is null for a new one. */
public record UnitDraft(
        @Nullable Long id,
        String code,
        String nameVi,
        @Nullable String nameEn,
        @Nullable UnitKind kind,
        @Nullable Long parentId,
        @Nullable Long successorId,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    public static UnitDraft of(OrgUnit u) {
        return new UnitDraft(
                u.getId(),
                u.getCode(),
                u.getNameVi(),
                u.getNameEn(),
                u.getKind(),
                u.getParent() == null ? null : u.getParent().getId(),
                u.getSuccessor() == null ? null : u.getSuccessor().getId(),
                u.getValidFrom(),
                u.getValidTo());
    }
}
