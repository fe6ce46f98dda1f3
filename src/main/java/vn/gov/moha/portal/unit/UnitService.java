package vn.gov.moha.portal.unit;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.SearchText;

/** Reads units for everyone who is logged in; only ADMIN changes them. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class UnitService {

    /** Checked on the code as typed, before upper-casing, so no letter turns into another (ß into SS). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,19}");

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    /**
     * Each unit name's collation key, made once: Collator.compare is synchronized on one shared instance and slow,
     * and every screen that lists units sorted them with it (a lock all users queued on). Bounded by the names
     * units have had.
     */
    private static final Map<String, CollationKey> KEYS = new ConcurrentHashMap<>();

    private static final Comparator<OrgUnit> ORDER =
            Comparator.comparing(OrgUnit::getKind).thenComparing(OrgUnit::getNameVi, vietnamese());

    private final OrgUnitRepository units;

    UnitService(OrgUnitRepository units) {
        this.units = units;
    }

    /** Vietnamese collation, so "Đắk Lắk" sorts after "Điện Biên" and before "Gia Lai". */
    public static Comparator<String> vietnamese() {
        return Comparator.nullsLast(
                Comparator.comparing(name -> KEYS.computeIfAbsent(name, VIETNAMESE::getCollationKey)));
    }

    /** Units whose code or name matches the query, with or without diacritics; kind may be null. */
    public List<OrgUnit> search(String query, UnitKind kind) {
        return units.findAllBy().stream()
                .filter(u -> kind == null || u.getKind() == kind)
                .filter(u -> SearchText.matches(u.getSearchText(), query))
                .sorted(ORDER)
                .toList();
    }

    /** Units that exist on the given day, in the order people look for them. */
    public List<OrgUnit> validOn(LocalDate day) {
        return units.findAllBy().stream()
                .filter(u -> u.isValidOn(day))
                .sorted(ORDER)
                .toList();
    }

    public List<OrgUnit> all() {
        return units.findAllBy().stream().sorted(ORDER).toList();
    }

    public Optional<OrgUnit> find(@Nullable Long id) {
        return id == null ? Optional.empty() : units.findWithLinksById(id);
    }

    /**
     * The unit with this code (any case), for a directory sign-in, which runs before anybody is logged in: unit codes
     * and names are no secret.
     */
    @PreAuthorize("permitAll()")
    public Optional<OrgUnit> byCode(@Nullable String code) {
        return code == null || code.isBlank() ? Optional.empty() : units.findByCodeIgnoreCase(code.strip());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OrgUnit save(UnitDraft draft) {
        String code = Problems.clean(draft.code());
        Problems problems = new Problems();
        if (code == null) {
            problems.add("code", "error.required");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("code", "unit.error.codeFormat");
        } else {
            code = code.toUpperCase(Locale.ROOT);
            units.findByCodeIgnoreCase(code)
                    .filter(u -> !u.getId().equals(draft.id()))
                    .ifPresent(u -> problems.add("code", "unit.error.codeTaken"));
        }
        problems.requireText("nameVi", draft.nameVi(), 255).optionalText("nameEn", draft.nameEn(), 255);
        if (draft.kind() == null) {
            problems.add("kind", "error.required");
        }
        if (draft.validFrom() == null) {
            problems.add("validFrom", "error.required");
        }
        if (draft.validFrom() != null
                && draft.validTo() != null
                && draft.validTo().isBefore(draft.validFrom())) {
            problems.add("validTo", "unit.error.validTo");
        }
        if (draft.id() != null && Objects.equals(draft.id(), draft.parentId())) {
            problems.add("parent", "unit.error.self");
        }
        if (draft.id() != null && Objects.equals(draft.id(), draft.successorId())) {
            problems.add("successor", "unit.error.self");
        }
        if (draft.successorId() != null && draft.validTo() == null) {
            problems.add("validTo", "unit.error.successorNeedsEnd");
        }
        OrgUnit parent = draft.parentId() == null
                ? null
                : units.findById(draft.parentId()).orElse(null);
        OrgUnit successor = draft.successorId() == null
                ? null
                : units.findById(draft.successorId()).orElse(null);
        if (draft.parentId() != null && parent == null) {
            problems.add("parent", "error.notFound");
        }
        if (draft.successorId() != null && successor == null) {
            problems.add("successor", "error.notFound");
        }
        problems.throwIfAny();

        OrgUnit unit = draft.id() == null
                ? new OrgUnit(code, draft.nameVi().strip(), draft.kind(), draft.validFrom())
                : units.findById(draft.id()).orElseThrow();
        unit.setCode(code);
        unit.setNameVi(draft.nameVi().strip());
        unit.setNameEn(Problems.clean(draft.nameEn()));
        unit.setKind(draft.kind());
        unit.setParent(parent);
        unit.setSuccessor(successor);
        unit.setValidFrom(draft.validFrom());
        unit.setValidTo(draft.validTo());
        return units.save(unit);
    }
}
