package vn.gov.moha.portal.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.VersionedEntity;

/**
 * An organisational unit, effective-dated: a ministry department or a provincial Department of
 * Home Affairs. A province merged on 1/7/2025 ends on 30/6/2025 and names its successor, so work
 * of 2024 rolls up to the provinces of 2025.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends VersionedEntity {

    @Column(nullable = false, unique = true, length = 20)
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "name_en")
    private @Nullable String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UnitKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable OrgUnit parent;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    private @Nullable OrgUnit successor;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private @Nullable LocalDate validTo;

    @Column(name = "search_text", nullable = false, length = 600)
    private String searchText;

    protected OrgUnit() {}

    public OrgUnit(String code, String nameVi, UnitKind kind, LocalDate validFrom) {
        this.code = code;
        this.nameVi = nameVi;
        this.kind = kind;
        this.validFrom = validFrom;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = SearchText.of(code, nameVi, nameEn);
    }

    /** True when the unit exists on the given day. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The name in the user's language; Vietnamese when there is no English name. */
    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public void setNameVi(String nameVi) {
        this.nameVi = nameVi;
    }

    public @Nullable String getNameEn() {
        return nameEn;
    }

    public void setNameEn(@Nullable String nameEn) {
        this.nameEn = nameEn;
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }

    public @Nullable OrgUnit getParent() {
        return parent;
    }

    public void setParent(@Nullable OrgUnit parent) {
        this.parent = parent;
    }

    public @Nullable OrgUnit getSuccessor() {
        return successor;
    }

    public void setSuccessor(@Nullable OrgUnit successor) {
        this.successor = successor;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public @Nullable LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(@Nullable LocalDate validTo) {
        this.validTo = validTo;
    }

    public String getSearchText() {
        return searchText;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof OrgUnit other && sameId(this, other);
    }

    @Override
    public int hashCode() {
        return OrgUnit.class.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + nameVi;
    }
}
