package vn.gov.moha.portal.workflow.transfer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/**
 * The steps of a transfer in the caller's transaction, behind the secured {@link UnitTransferService} and
 * {@link TransferFileService}: check and count (the preview), take the unit's row, move the work.
 */
@Component
class Transfers {

    private final EntityManager em;
    private final TransferWork work;
    private final ReportingService reporting;
    private final EventLog log;

    Transfers(EntityManager em, TransferWork work, ReportingService reporting, EventLog log) {
        this.em = em;
        this.work = work;
        this.reporting = reporting;
        this.log = log;
    }

    TransferChecks checks() {
        return new TransferChecks(work.units());
    }

    TransferPreview preview(TransferRequest request, TransferChecks checks) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        OrgUnit unit = checks.unit(request.unitId());
        OrgUnit successor = checks.unit(request.successorId());
        if (unit == null) {
            problems.add(new InvalidInputException.Problem("unit", "error.required"));
        }
        if (request.endDate() == null) {
            problems.add(new InvalidInputException.Problem("endDate", "error.required"));
        }
        if (successor == null) {
            problems.add(new InvalidInputException.Problem("successor", "error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate end = Objects.requireNonNull(request.endDate());
        Map<Long, OrgUnit> successors = new LinkedHashMap<>();
        successors.put(successor.getId(), successor);
        for (Long id : request.choices().values()) {
            OrgUnit other = checks.unit(id);
            if (other == null) {
                problems.add(new InvalidInputException.Problem("successor", "error.notFound"));
            } else {
                successors.putIfAbsent(id, other);
            }
        }
        for (OrgUnit s : successors.values()) {
            checks.check(unit, end, s)
                    .forEach(p -> problems.add(new InvalidInputException.Problem(p.field(), p.key(), p.args())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        List<TransferPreview.Move> moves = new ArrayList<>();
        for (Assignment a : work.openLedBy(unit.getId())) {
            OrgUnit to = successors.get(request.choices().getOrDefault(a.getId(), successor.getId()));
            moves.add(new TransferPreview.Move(
                    a.getId(),
                    a.getTask().getNumber(),
                    a.getTask().getTitleVi(),
                    a.getTask().getTitleEn(),
                    to,
                    work.sameTask(a.getTask().getId(), to.getId()),
                    work.openReports(a.getId()),
                    owed(a),
                    work.pendingExtensions(a.getId())));
        }
        boolean ended = end.equals(unit.getValidTo())
                && unit.getSuccessor() != null
                && unit.getSuccessor().getId().equals(successor.getId());
        return new TransferPreview(
                unit,
                unit.getVersion(),
                end,
                successor,
                List.copyOf(successors.values()),
                moves,
                work.coordinatingRoles(unit.getId()),
                work.usersOf(unit.getId()).size(),
                ended);
    }

    /** Periods of a periodic assignment with no report sent yet, due or not. */
    private int owed(Assignment a) {
        return (int) reporting.rowsOf(a).stream()
                .filter(r -> r.status() == PeriodStatus.MISSING || r.status() == PeriodStatus.NOT_DUE)
                .count();
    }

    /** Takes the unit's row for this transaction; refused when its version is no longer the preview's. */
    void lock(Long unitId, long version) {
        OrgUnit unit;
        try {
            unit = em.find(OrgUnit.class, unitId, LockModeType.PESSIMISTIC_WRITE);
        } catch (PersistenceException e) {
            throw InvalidInputException.of("unit", "transfer.error.changed");
        }
        if (unit != null && unit.getVersion() != version) {
            throw InvalidInputException.of("unit", "transfer.error.changed");
        }
    }

    TransferResult apply(TransferPreview p) {
        if (p.nothingToDo()) {
            return TransferResult.nothing();
        }
        OrgUnit unit = em.find(OrgUnit.class, p.unit().getId());
        OrgUnit successor = em.find(OrgUnit.class, p.successor().getId());
        String before = "end=" + (unit.getValidTo() == null ? "-" : unit.getValidTo()) + "; successor="
                + (unit.getSuccessor() == null ? "-" : unit.getSuccessor().getNameVi());
        unit.setValidTo(p.endDate());
        unit.setSuccessor(successor);
        em.lock(unit, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        int moved = 0;
        int merged = 0;
        for (TransferPreview.Move m : p.moves()) {
            Long to = m.successor().getId();
            String lead = "lead=" + unit.getCode();
            if (m.mergeIntoId() == null) {
                work.move(m.assignmentId(), unit.getId(), to);
                log.record(
                        "UNIT_TRANSFER",
                        "Assignment",
                        m.assignmentId(),
                        m.assignmentId(),
                        lead,
                        "lead=" + m.successor().getCode());
                moved++;
            } else {
                work.merge(m.assignmentId(), m.mergeIntoId(), unit.getId(), to);
                log.record(
                        "UNIT_MERGE",
                        "Assignment",
                        m.assignmentId(),
                        m.assignmentId(),
                        lead,
                        "lead=" + m.successor().getCode() + "; into=" + m.mergeIntoId());
                log.record(
                        "UNIT_MERGE",
                        "Assignment",
                        m.mergeIntoId(),
                        m.mergeIntoId(),
                        lead,
                        "lead=" + m.successor().getCode() + "; from=" + m.assignmentId());
                merged++;
            }
        }
        List<Long> coordinated = work.moveCoordination(unit.getId(), successor.getId());
        for (Long id : coordinated) {
            log.record(
                    "UNIT_TRANSFER",
                    "Assignment",
                    id,
                    id,
                    "coordinators=" + unit.getCode(),
                    "coordinators=" + successor.getCode());
        }
        List<AppUser> people = work.usersOf(unit.getId());
        for (AppUser u : people) {
            u.setUnit(successor);
            log.record(
                    "UNIT_TRANSFER",
                    "User",
                    u.getId(),
                    null,
                    "unit=" + unit.getNameVi(),
                    "unit=" + successor.getNameVi());
        }
        TransferResult result = new TransferResult(
                true, moved, merged, p.openReports(), p.pendingExtensions(), coordinated.size(), people.size());
        log.record(
                "UNIT_END",
                "OrgUnit",
                unit.getId(),
                null,
                before,
                "end=" + p.endDate() + "; successor=" + successor.getNameVi() + "; moved=" + moved + "; merged="
                        + merged + "; users=" + people.size());
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw InvalidInputException.of("unit", "transfer.error.changed");
        }
        return result;
    }
}
