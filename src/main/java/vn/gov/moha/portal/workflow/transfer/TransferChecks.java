package vn.gov.moha.portal.workflow.transfer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.unit.OrgUnit;

/**
 * The rules of a transfer, over every unit as it is plus the transfers planned with it (a file's other rows): the
 * end date is not before the unit began; a successor is another unit, exists on the day after the end date, and
 * does not lead back to the ended unit through successors (A→B→A).
 */
final class TransferChecks {

    /** One broken rule: which field (unit, endDate, successor), the message key and its values. */
    record Problem(String field, String key, List<Object> args) {}

    private final Map<Long, OrgUnit> units = new HashMap<>();
    private final Map<Long, Long> successorOf = new HashMap<>();
    private final Map<Long, LocalDate> endOf = new HashMap<>();

    TransferChecks(List<OrgUnit> all) {
        for (OrgUnit u : all) {
            units.put(u.getId(), u);
            if (u.getSuccessor() != null) {
                successorOf.put(u.getId(), u.getSuccessor().getId());
            }
            if (u.getValidTo() != null) {
                endOf.put(u.getId(), u.getValidTo());
            }
        }
    }

    /** Counts a planned transfer as done when checking the others. */
    void plan(Long unitId, LocalDate end, Long successorId) {
        successorOf.put(unitId, successorId);
        endOf.put(unitId, end);
    }

    @Nullable
    OrgUnit unit(@Nullable Long id) {
        return id == null ? null : units.get(id);
    }

    List<Problem> check(OrgUnit unit, LocalDate end, OrgUnit successor) {
        List<Problem> problems = new java.util.ArrayList<>();
        if (end.isBefore(unit.getValidFrom())) {
            problems.add(new Problem(
                    "endDate", "transfer.error.endBeforeStart", List.of(Formats.date(unit.getValidFrom()))));
        }
        if (successor.getId().equals(unit.getId())) {
            problems.add(new Problem("successor", "transfer.error.self", List.of()));
            return problems;
        }
        LocalDate takesOver = end.plusDays(1);
        LocalDate successorEnd = endOf.get(successor.getId());
        if (takesOver.isBefore(successor.getValidFrom()) || (successorEnd != null && takesOver.isAfter(successorEnd))) {
            problems.add(new Problem(
                    "successor", "transfer.error.notValid", List.of(successor.getNameVi(), Formats.date(takesOver))));
        }
        Set<Long> seen = new HashSet<>();
        Long next = successor.getId();
        while (next != null && seen.add(next)) {
            if (next.equals(unit.getId())) {
                problems.add(new Problem("successor", "transfer.error.loop", List.of(successor.getNameVi())));
                break;
            }
            next = next.equals(unit.getId()) ? null : successorOf.get(next);
        }
        return problems;
    }
}
