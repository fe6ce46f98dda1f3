package vn.gov.moha.portal.task;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;

/**
 * Which units may lead a task of a programme year. A unit is valid in a year when it still exists on the
 * year's last day: a department that ended on 28/2/2025 leads no task of 2025, its successor does.
 */
final class LeadUnits {

    /** Successor links followed at most this far (and never round a loop). */
    private static final int MAX_HOPS = 10;

    private LeadUnits() {}

    static LocalDate lastDay(int year) {
        return LocalDate.of(year, 12, 31);
    }

    static boolean validIn(OrgUnit unit, int year) {
        return unit.isValidOn(lastDay(year));
    }

    /** May lead a task at all: the ministry or one of its departments, not a province. */
    static boolean mayLead(OrgUnit unit) {
        return unit.getKind() != UnitKind.PROVINCE;
    }

    /** The first unit down the successor links that is valid in the year, if any. */
    static Optional<OrgUnit> successorIn(OrgUnit unit, int year) {
        Set<Long> seen = new HashSet<>();
        @Nullable OrgUnit next = unit.getSuccessor();
        for (int hop = 0; next != null && hop < MAX_HOPS && seen.add(next.getId()); hop++) {
            if (validIn(next, year) && mayLead(next)) {
                return Optional.of(next);
            }
            next = next.getSuccessor();
        }
        return Optional.empty();
    }
}
